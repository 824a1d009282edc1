using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Realtime;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Kitt.Dashboard.Sessions;

public static class SessionsSetup
{
    /// <summary>Browser circuits and socket clients as sessions, live on <c>sessions</c> and recorded.</summary>
    public static IServiceCollection AddSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeatureMetrics<SessionMetrics>();
        services.AddTopic(SessionEvent.Topic);
        services.AddSingleton<CircuitTracker>();
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitHandler, SessionCircuitHandler>();
        services.AddSingleton<SessionLog>();
        services.AddHostedService<SessionEventRecorder>();
        return services;
    }
}
