using Microsoft.Data.Sqlite;

namespace Kitt.Dashboard.Tests.Data;

/// <summary>A SQLite file path in a temp folder that outlives app instances (for restart tests), removed at the end.</summary>
public sealed class DatabaseFile : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kitt-db-file-").FullName;

    public string Path => System.IO.Path.Combine(folder, "kitt.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
