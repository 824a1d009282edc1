using Kitt.Dashboard.Alerts.Silencing;
using Kitt.Dashboard.Alerts.Notifications;
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
        services.AddSingleton<Rules.AlertRuleBook>();
        services.AddSingleton<Rules.BacklogReader>();
        services.AddSingleton<AlertThresholds>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<Silences>();
        services.AddSingleton<AlertAcks>();
        services.AddSingleton<AlertQueries>();
        AddStorage(services, StoreProvider.For(configuration));
        services.AddHostedService<AlertManager>();
        AddNotifications(services);
        return services;
    }

    /// <summary>Receivers, routes and the notifier that sends alerts to them.</summary>
    private static void AddNotifications(IServiceCollection services)
    {
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AlertOptions>, NotificationConfigCheck>();
        services.AddHttpClient(AlertReceivers.HttpClientName);
        // Receivers' secrets are protected; where the keys live (the store every instance shares) the security setup says.
        services.AddDataProtection();
        services.AddSingleton<Routing.NotificationSettings>();
        services.AddSingleton<NotificationRoutes>();
        services.AddSingleton<AlertReceivers>();
        services.AddSingleton<NoticeSignal>();
        services.AddSingleton<Notifier>();
        services.AddHostedService(sp => sp.GetRequiredService<Notifier>());
        services.AddSingleton<NotificationLog>();
        services.AddSingleton<ReceiverHealth>();
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
