using Kitt.Dashboard.Data;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.Alerts;

public static class AlertsSetup
{
    /// <summary>The alert-manager, its store and queries, the thresholds, the error rate and the archive.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeatureMetrics<AlertMetrics>();
        services.AddValidatedOptions<AlertOptions>(AlertOptions.Section);
        services.AddTopic(AlertEvent.Topic);
        services.AddSingleton<AlertArchive>();
        services.AddSingleton<ErrorRate>();
        services.AddSingleton<AlertThresholds>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertQueries>();
        AddStorage(services, StoreProvider.For(configuration));
        services.AddHostedService<AlertManager>();
        return services;
    }

    private static void AddStorage(IServiceCollection services, StoreProvider provider)
    {
        // The one place alerts tell the providers apart.
        var storage = AlertStorage.For(provider);
        services.AddSingleton(storage);
        if (storage.Upgrade is { } upgrade)
        {
            services.AddSingleton(upgrade);
        }
    }
}
