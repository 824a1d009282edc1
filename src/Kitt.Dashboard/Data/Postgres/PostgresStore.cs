using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kitt.Dashboard.Data.Postgres;

/// <summary>A PostgreSQL server that several dashboard instances share.</summary>
public sealed class PostgresStore : StoreProvider
{
    /// <summary>The advisory lock every instance takes to migrate: the first migrates, the others wait and then find nothing to do.</summary>
    public const long MigrationLock = 0x4B49_5454_0001; // "KITT", 1

    public override string Kind => Postgres;

    public override void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    public override KittDbContext Create(DbContextOptions<KittDbContext> options) => new PostgresKittDbContext(options);

    public override async Task MigrateAsync(KittDbContext db, string connectionString, CancellationToken cancellationToken)
    {
        // The lock is held by a connection of its own, so it outlives the transactions the migrations open and
        // closes with that connection if this instance dies half-way.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", connection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public override string? DataFolder(string connectionString) => null;
}
