using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Data.Postgres;
using Kitt.Dashboard.Data.Sqlite;
using Kitt.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kitt.Dashboard.Tests.Data;

/// <summary>The databases the dashboard runs on; suites that touch the store run on each.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A real database, migrated like the app's, removed afterwards: a SQLite file in a temp folder, or a database of its
/// own on the run's PostgreSQL cluster. Apps given its <see cref="AppSettings"/> use it too, so it outlives them (for
/// restart tests).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? folder;

    /// <param name="migration">The migration to stop at (an older schema, to test an upgrade); the newest when null.</param>
    public TestDatabase(string? migration = null, StoreKind kind = StoreKind.Sqlite)
    {
        Kind = kind;
        if (kind == StoreKind.Postgres)
        {
            Provider = new PostgresStore();
            ConnectionString = PostgresCluster.SharedAsync().GetAwaiter().GetResult().CreateDatabaseAsync().GetAwaiter().GetResult();
        }
        else
        {
            Provider = new SqliteStore();
            folder = Directory.CreateTempSubdirectory("kitt-db-").FullName;
            ConnectionString = $"Data Source={Path.Combine(folder, "kitt.db")}";
        }

        var builder = new DbContextOptionsBuilder<KittDbContext>();
        Provider.Configure(builder, ConnectionString);
        Factory = new ContextFactory(builder.Options, Provider);
        using var db = Factory.CreateDbContext();
        db.GetService<IMigrator>().Migrate(migration);
    }

    public StoreKind Kind { get; }

    public StoreProvider Provider { get; }

    public string ConnectionString { get; }

    public IDbContextFactory<KittDbContext> Factory { get; }

    /// <summary>The alert search, writer and counts the app uses on this provider.</summary>
    public AlertStorage AlertStorage => AlertStorage.For(Provider);

    /// <summary>The settings that point an app at this database.</summary>
    public IReadOnlyDictionary<string, string> AppSettings => new Dictionary<string, string>
    {
        ["Database:Provider"] = Provider.Kind,
        ["ConnectionStrings:Kitt"] = ConnectionString,
    };

    public void Dispose()
    {
        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        else
        {
            PostgresCluster.SharedAsync().GetAwaiter().GetResult().DropDatabaseAsync(ConnectionString).GetAwaiter().GetResult();
        }
    }

    private sealed class ContextFactory(DbContextOptions<KittDbContext> options, StoreProvider provider) : IDbContextFactory<KittDbContext>
    {
        public KittDbContext CreateDbContext() => provider.Create(options);
    }
}
