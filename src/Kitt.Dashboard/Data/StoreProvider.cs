using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Data;

/// <summary>
/// What differs between the databases the dashboard runs on, in one place: how a context connects, which context
/// type (and so which migrations) it is, how the database is made ready at start-up, and where its files live.
/// Features with provider-specific SQL take their own seam from <see cref="Kind"/> at registration.
/// </summary>
public abstract class StoreProvider
{
    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    /// <summary><see cref="Sqlite"/> or <see cref="Postgres"/>.</summary>
    public abstract string Kind { get; }

    public abstract void Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>A context of this provider's type: its migrations are found by that type.</summary>
    public abstract KittDbContext Create(DbContextOptions<KittDbContext> options);

    /// <summary>Applies migrations (one instance at a time where instances share the database) and whatever else the database needs first.</summary>
    public abstract Task MigrateAsync(KittDbContext db, string connectionString, CancellationToken cancellationToken);

    /// <summary>
    /// Runs start-up work (migrations, seeding) that instances sharing the database must do one after the other:
    /// the first does it, the others then find it done. A SQLite file has one process, so it simply runs.
    /// </summary>
    public virtual Task ExclusiveAsync(string connectionString, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        work(cancellationToken);

    /// <summary>The folder whose disk holds the data, when the data is on this machine; null for a server.</summary>
    public abstract string? DataFolder(string connectionString);

    /// <returns>The provider <c>Database:Provider</c> names; SQLite for an unknown name, which the options' validation refuses at start.</returns>
    public static StoreProvider For(IConfiguration configuration) =>
        string.Equals(configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"], Postgres, StringComparison.OrdinalIgnoreCase)
            ? new Postgres.PostgresStore()
            : new Sqlite.SqliteStore();
}
