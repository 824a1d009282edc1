using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.Containers;

public static class ContainersSetup
{
    /// <summary>The Docker source, live on <c>containers</c>, with its in-memory and per-minute history.</summary>
    public static IServiceCollection AddContainers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeatureMetrics<ContainerMetrics>();
        services.AddValidatedOptions<DockerOptions>(DockerOptions.Section);
        services.AddTopic(ContainersSnapshot.Topic);
        services.AddTopic(ContainerEngineEvent.Topic);
        services.AddHostedService<DockerSource>();
        services.AddSingleton<ContainerHistory>();
        services.AddHostedService(sp => sp.GetRequiredService<ContainerHistory>());
        services.AddSingleton<UsageHistory>();
        services.AddHostedService<ContainerUsageRecorder>();
        services.AddSingleton<ContainerLogs>();
        services.AddSingleton<ContainerActions>();
        return services;
    }
}
