using Kitt.Dashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Tests.Data;

/// <summary>A real SQLite file in a temp folder, migrated like the app's, deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kitt-db-").FullName;

    public TestDatabase()
    {
        var options = new DbContextOptionsBuilder<KittDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, "kitt.db")}")
            .Options;
        Factory = new ContextFactory(options);
        using var db = Factory.CreateDbContext();
        db.Database.Migrate();
    }

    public IDbContextFactory<KittDbContext> Factory { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class ContextFactory(DbContextOptions<KittDbContext> options) : IDbContextFactory<KittDbContext>
    {
        public KittDbContext CreateDbContext() => new(options);
    }
}
