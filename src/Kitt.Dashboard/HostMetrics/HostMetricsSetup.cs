using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.HostMetrics;

public static class HostMetricsSetup
{
    /// <summary>Samples of the machine the dashboard runs on, live on <c>metrics</c>.</summary>
    public static IServiceCollection AddHostMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTopic(HostSample.Topic);
        services.AddHostedService<HostMetricsSampler>();
        return services;
    }
}
