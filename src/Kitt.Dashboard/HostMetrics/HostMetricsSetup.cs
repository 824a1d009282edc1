using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.HostMetrics;

public static class HostMetricsSetup
{
    /// <summary>Samples of the machine the dashboard runs on, live on <c>metrics</c>, and the last 15 minutes of them.</summary>
    public static IServiceCollection AddHostMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTopic(HostSample.Topic);
        services.AddSingleton<HostHistory>();
        services.AddHostedService(sp => sp.GetRequiredService<HostHistory>());
        services.AddHostedService<HostMetricsSampler>();
        return services;
    }
}
