using Kitt.Dashboard.Health;

namespace Kitt.Dashboard.Hosting;

/// <summary>Says which event bus carries the dashboard's events: the in-process hub unless Kafka is configured.</summary>
public sealed class EventBusStatus(ComponentStates states, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var kafka = configuration["Kafka:BootstrapServers"];
        if (string.IsNullOrWhiteSpace(kafka))
        {
            states.Report(ComponentStates.EventBus, ComponentStatus.Running, "in-process (Kafka:BootstrapServers not set)");
        }
        else
        {
            states.Report(ComponentStates.EventBus, ComponentStatus.Degraded, $"Kafka at {kafka} is configured, but this build carries events in-process only");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
