using Kitt.Dashboard.Data.Leases;
using Kitt.Dashboard.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Data;

public static class DatabaseSetup
{
    public const string DefaultConnectionString = "Data Source=data/kitt.db";

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Kitt") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    /// <summary>
    /// The database of <c>Database:Provider</c>, the history writer and the retention that keeps the history to
    /// <c>History:*</c>.
    /// </summary>
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = StoreProvider.For(configuration);
        services.AddSingleton(provider);
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DatabaseOptions>, DatabaseConnectionCheck>();
        services.AddDbContextFactory<KittDbContext, StoreContextFactory>((sp, options) =>
            provider.Configure(options, ConnectionString(sp.GetRequiredService<IConfiguration>())));
        services.AddSingleton<StoreWriter>();
        services.AddSingleton(sp => new InstanceIdentity(
            sp.GetRequiredService<IConfiguration>()["Kafka:InstanceId"] is { Length: > 0 } name ? name : Environment.MachineName));
        services.AddValidatedOptions<LeaseOptions>(LeaseOptions.Section);
        services.AddSingleton<LeaseStore>();
        services.AddSingleton<LeasedWork>();
        services.AddValidatedOptions<HistoryOptions>(HistoryOptions.Section);
        services.AddHostedService<HistoryRetention>();
        services.AddStartupStep<DatabasePreparation>();
        return services;
    }

    /// <summary>Applies migrations the provider's way, then each feature's upgrade of data stored before it.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var connectionString = ConnectionString(services.GetRequiredService<IConfiguration>());
        var factory = services.GetRequiredService<IDbContextFactory<KittDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await services.GetRequiredService<StoreProvider>().MigrateAsync(db, connectionString, cancellationToken);
        foreach (var upgrade in services.GetServices<IDatabaseUpgrade>())
        {
            progress?.Report(upgrade.Describe);
            if (await upgrade.RunAsync(db, cancellationToken) is > 0 and var changed)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup))
                    .LogInformation("{Upgrade}: {Count} rows", upgrade.Describe, changed);
            }
        }
    }
}
