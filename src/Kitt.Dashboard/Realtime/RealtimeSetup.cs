using Kitt.Dashboard.Hosting;

namespace Kitt.Dashboard.Realtime;

public static class RealtimeSetup
{
    /// <summary>The topic hub; each feature declares the topics it publishes with <see cref="TopicRegistration.AddTopic{T}"/>.</summary>
    public static IServiceCollection AddRealtime(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<ITopicHub, TopicHub>().AddFeatureMetrics<HubMetrics>();
}
