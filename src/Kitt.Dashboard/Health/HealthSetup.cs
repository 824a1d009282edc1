namespace Kitt.Dashboard.Health;

public static class HealthSetup
{
    /// <summary>The components' states, kept as they change and recorded for /health and the UI.</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ComponentStates>();
        services.AddHostedService<ComponentEventRecorder>();
        services.AddHealthProbes();
        return services;
    }
}
