using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Data.Sqlite;

/// <summary>The embedded default: one SQLite file, in WAL mode so readers (pages, REST) never wait for the writers.</summary>
public sealed class SqliteStore : StoreProvider
{
    public override string Kind => Sqlite;

    public override void Configure(DbContextOptionsBuilder options, string connectionString) => options.UseSqlite(connectionString);

    public override KittDbContext Create(DbContextOptions<KittDbContext> options) => new(options);

    public override async Task MigrateAsync(KittDbContext db, string connectionString, CancellationToken cancellationToken)
    {
        if (DataFolder(connectionString) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        // One process owns the file: EF's own migration lock keeps a second one out.
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    public override string? DataFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return dataSource is ":memory:" or "" ? null : Path.GetDirectoryName(Path.GetFullPath(dataSource));
    }
}
