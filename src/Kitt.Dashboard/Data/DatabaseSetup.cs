using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Data;

public static class DatabaseSetup
{
    public const string DefaultConnectionString = "Data Source=data/kitt.db";

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Kitt") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    /// <summary>The database, the history writer and the retention that keeps the history to <c>History:*</c>.</summary>
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDbContextFactory<KittDbContext>((sp, options) =>
            options.UseSqlite(ConnectionString(sp.GetRequiredService<IConfiguration>())));
        services.AddSingleton<StoreWriter>();
        services.AddValidatedOptions<HistoryOptions>(HistoryOptions.Section);
        services.AddHostedService<HistoryRetention>();
        services.AddStartupStep<DatabasePreparation>();
        return services;
    }

    /// <summary>
    /// Creates the database file's folder, applies migrations and switches the file to WAL, so readers (pages,
    /// REST) never wait for the background writers; alerts stored before search kept their words get them.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var connectionString = ConnectionString(services.GetRequiredService<IConfiguration>());
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }

        var factory = services.GetRequiredService<IDbContextFactory<KittDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        progress?.Report("indexing the words of alerts stored before alert search kept them");
        if (await AlertsFullText.IndexOlderAlertsAsync(db, cancellationToken) is > 0 and var indexed)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup))
                .LogInformation("Indexed the words of {Count} alerts stored before alert search kept them", indexed);
        }
    }
}
