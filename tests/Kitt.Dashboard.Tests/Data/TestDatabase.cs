using Kitt.Dashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kitt.Dashboard.Tests.Data;

/// <summary>A real SQLite file in a temp folder, migrated like the app's, deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kitt-db-").FullName;

    /// <param name="migration">The migration to stop at (an older schema, to test an upgrade); the newest when null.</param>
    public TestDatabase(string? migration = null)
    {
        var options = new DbContextOptionsBuilder<KittDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, "kitt.db")}")
            .Options;
        Factory = new ContextFactory(options);
        using var db = Factory.CreateDbContext();
        db.GetService<IMigrator>().Migrate(migration);
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
