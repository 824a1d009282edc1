using Kitt.Dashboard.Health;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Events;

/// <summary>Says the in-process hub carries the dashboard's events when Kafka is not configured.</summary>
public sealed class EventBusStatus(ComponentStates states, IOptions<KafkaOptions> kafka) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // With Kafka, the outbox relay reports the bus: it is the one that knows whether the broker acknowledges.
        if (!kafka.Value.Enabled)
        {
            states.Report(ComponentStates.EventBus, ComponentStatus.Running, "in-process (Kafka:BootstrapServers not set)");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
