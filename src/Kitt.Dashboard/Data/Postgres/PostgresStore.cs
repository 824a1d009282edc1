using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kitt.Dashboard.Data.Postgres;

/// <summary>A PostgreSQL server that several dashboard instances share.</summary>
public sealed class PostgresStore : StoreProvider
{
    /// <summary>The advisory lock every instance takes to migrate and seed: the first does it, the others wait and then find nothing to do.</summary>
    public const long StartupLock = 0x4B49_5454_0001; // "KITT", 1

    public override string Kind => Postgres;

    public override void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    public override KittDbContext Create(DbContextOptions<KittDbContext> options) => new PostgresKittDbContext(options);

    public override Task MigrateAsync(KittDbContext db, string connectionString, CancellationToken cancellationToken) =>
        ExclusiveAsync(connectionString, db.Database.MigrateAsync, cancellationToken);

    public override async Task ExclusiveAsync(string connectionString, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        // The lock is held by a connection of its own, so it outlives the transactions the work opens, and it ends
        // with that connection if this instance dies half-way.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // No command timeout: the wait lasts as long as another instance's migration does.
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLock})", connection) { CommandTimeout = 0 })
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await work(cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLock})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public override string? DataFolder(string connectionString) => null;
}
