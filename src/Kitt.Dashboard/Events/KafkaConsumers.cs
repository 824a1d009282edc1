using System.Text;
using Confluent.Kafka;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Health;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Events;

/// <summary>
/// Reads Kafka into the dashboard. Two consumer groups: <c>{prefix}-work</c>, shared by every instance, takes
/// shipment requests (each is packed by one instance); <c>{prefix}-{instance}</c>, one per instance, hears alerts,
/// packing results and route news of all instances (from the topics' start the first time; stale alerts are skipped). An offset is committed only after its event is handled and
/// stored, so a restart redelivers at most what was in flight, and the inbox skips it.
/// </summary>
public sealed class KafkaConsumers(
    InboundEvents inbound,
    IOptions<KafkaOptions> options,
    ComponentStates states,
    TimeProvider clock,
    OutboxMetrics metrics,
    ILogger<KafkaConsumers> logger) : BackgroundService
{
    public const string Component = "kafka-consumers";

    private long handled;

    /// <summary>Events handled (not counting duplicates and own events) since start.</summary>
    public long Handled => Interlocked.Read(ref handled);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return Task.CompletedTask;
        }

        states.Report(Component, ComponentStatus.Starting, settings.Cluster);
        // Consume blocks its thread; each group gets one of its own.
        var work = Task.Factory.StartNew(
            () => ConsumeAsync($"{settings.GroupPrefix}-work", [EventTopics.ShipmentRequests], AutoOffsetReset.Earliest, stoppingToken),
            stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        var fanOut = Task.Factory.StartNew(
            () => ConsumeAsync($"{settings.GroupPrefix}-{settings.InstanceId}",
                [EventTopics.OpsAlerts, EventTopics.PackingResults, EventTopics.RouteUpdates, EventTopics.WeatherAlerts],
                AutoOffsetReset.Earliest, stoppingToken),
            stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        return Task.WhenAll(work, fanOut);
    }

    private async Task ConsumeAsync(string group, IReadOnlyList<string> topics, AutoOffsetReset reset, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var byName = topics.ToDictionary(settings.TopicName, t => t, StringComparer.Ordinal);
        var cluster = settings.Cluster; // reported with every message: made once
        using var consumer = new ConsumerBuilder<string, string>(KafkaClients.Consumer(settings, group, reset))
            .SetLogHandler((_, m) => KafkaClients.Log(logger, m))
            .SetErrorHandler((_, e) =>
            {
                if (e.IsFatal || e.Code is ErrorCode.Local_AllBrokersDown or ErrorCode.Local_Transport)
                {
                    states.Report(Component, ComponentStatus.Degraded, $"{cluster}: {e.Reason}");
                }
            })
            .Build();
        consumer.Subscribe(byName.Keys);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var result = Consume(consumer, stoppingToken);
                if (result?.Message is not { } message)
                {
                    continue;
                }

                states.Report(Component, ComponentStatus.Running, cluster);
                var topic = byName.GetValueOrDefault(result.Topic, result.Topic);
                using var activity = OutboxMetrics.Tracing.StartActivity("kafka.consume", System.Diagnostics.ActivityKind.Consumer);
                activity?.SetTag("messaging.destination.name", result.Topic);
                var outcome = await DatabaseRetry.UntilDoneAsync(
                    token => inbound.HandleAsync(topic, Header(message, EventTopics.EventIdHeader), Header(message, EventTopics.OriginHeader),
                        settings.InstanceId, message.Key, message.Value ?? "", token),
                    states, Component, "cannot store a consumed event", logger, clock, stoppingToken);
                if (outcome == InboundOutcome.Handled)
                {
                    Interlocked.Increment(ref handled);
                }

                metrics.Consumed(outcome.ToString().ToLowerInvariant());
                activity?.SetTag("kitt.event.outcome", outcome.ToString());

                consumer.Commit(result);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what was handled is committed.
        }
        finally
        {
            consumer.Close();
        }
    }

    private ConsumeResult<string, string>? Consume(IConsumer<string, string> consumer, CancellationToken stoppingToken)
    {
        try
        {
            return consumer.Consume(stoppingToken);
        }
        catch (ConsumeException ex)
        {
            // E.g. a topic nobody has produced to yet; waiting a little keeps this thread from spinning on it.
            logger.LogWarning("Kafka consume failed: {Reason}", ex.Error.Reason);
            stoppingToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
            return null;
        }
    }

    private static string? Header(Message<string, string> message, string name) =>
        message.Headers?.TryGetLastBytes(name, out var bytes) == true ? Encoding.UTF8.GetString(bytes) : null;
}
