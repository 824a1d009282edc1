using Kitt.Dashboard.Hosting;

namespace Kitt.Dashboard.Events;

public static class EventsSetup
{
    /// <summary>
    /// The outbox and, with <c>Kafka:BootstrapServers</c>, its relay to Kafka and the consumers of what other systems
    /// and instances publish. Registered after the features that listen on the hub, so they hear what is consumed first.
    /// </summary>
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeatureMetrics<OutboxMetrics>();
        services.AddValidatedOptions<KafkaOptions>(KafkaOptions.Section);
        services.AddHostedService<EventBusStatus>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<OutboxRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        services.AddSingleton<InboundEvents>();
        services.AddSingleton<KafkaConsumers>();
        services.AddHostedService(sp => sp.GetRequiredService<KafkaConsumers>());
        return services;
    }
}
