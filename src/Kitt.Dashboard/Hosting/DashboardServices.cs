using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Sockets;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Events;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.HostMetrics;
using Kitt.Dashboard.Mcp;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.RouteNews;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Sessions;
using Kitt.Dashboard.Shipments;
using Kitt.Dashboard.Components.Shell;
using Microsoft.AspNetCore.Components.Server.Circuits;
using MudBlazor.Services;

namespace Kitt.Dashboard.Hosting;

public static class DashboardServices
{
    public static IServiceCollection AddKittDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(config =>
        {
            // Alert toasts: at most five on screen, one per alert key however often it fires.
            config.SnackbarConfiguration.MaxDisplayedSnackbars = 5;
            config.SnackbarConfiguration.PreventDuplicates = true;
            config.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
        });
        services.AddSingleton(TimeProvider.System);

        services.Configure<RealtimeOptions>(configuration.GetSection(RealtimeOptions.Section));
        services.Configure<DockerOptions>(configuration.GetSection(DockerOptions.Section));
        services.Configure<AlertOptions>(configuration.GetSection(AlertOptions.Section));
        services.Configure<ProductOptions>(configuration.GetSection(ProductOptions.Section));
        services.Configure<HistoryOptions>(configuration.GetSection(HistoryOptions.Section));

        services.AddSingleton<ITopicHub, TopicHub>();
        services.AddSingleton<ComponentStates>();
        services.AddKittDatabase();
        services.AddSingleton<StoreWriter>();
        services.AddKittSecurity(configuration);

        services.AddSingleton<CircuitTracker>();
        services.AddScoped<CircuitHandler, SessionCircuitHandler>();
        services.AddSingleton<SessionLog>();
        services.AddScoped<BrowserPreferences>();
        services.AddScoped<ShortcutRouter>();

        services.AddHostedService<EventBusStatus>();
        services.AddHostedService<ComponentEventRecorder>();
        services.AddHostedService<HostMetricsSampler>();
        services.AddHostedService<DockerSource>();
        services.AddSingleton<ContainerHistory>();
        services.AddHostedService(sp => sp.GetRequiredService<ContainerHistory>());
        services.AddSingleton<UsageHistory>();
        services.AddHostedService<ContainerUsageRecorder>();
        services.AddHostedService<SessionEventRecorder>();
        services.AddSingleton<AlertArchive>();
        services.AddHostedService<HistoryRetention>();

        services.AddSingleton<ErrorRate>();
        services.AddSingleton<AlertThresholds>();
        services.Configure<KafkaOptions>(configuration.GetSection(KafkaOptions.Section));
        services.AddSingleton<Outbox>();
        services.AddSingleton<OutboxRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertQueries>();
        services.AddHostedService<AlertManager>();

        services.Configure<PackingWorkerOptions>(configuration.GetSection(PackingWorkerOptions.Section));
        services.AddSingleton<PackingJobs>();
        services.AddSingleton<ShipmentStore>();
        services.AddHostedService<PackingWorker>();
        services.AddSingleton<RouteConditionBoard>();
        services.AddHostedService(sp => sp.GetRequiredService<RouteConditionBoard>());
        services.AddSingleton<RouteNewsPublisher>();
        services.AddSingleton<InboundEvents>();
        services.AddSingleton<KafkaConsumers>();
        services.AddHostedService(sp => sp.GetRequiredService<KafkaConsumers>());
        services.AddKittSockets(configuration);
        services.AddKittMcp();
        return services;
    }
}
