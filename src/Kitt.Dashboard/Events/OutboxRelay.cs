using System.Text;
using Confluent.Kafka;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Data.Leases;
using Kitt.Dashboard.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Events;

/// <summary>
/// Sends the outbox to Kafka in order and marks an event sent only once the broker acknowledged it. While the broker
/// is away the dashboard goes on, the outbox grows, the event bus reports degraded (which raises an alert), and the
/// relay tries again with backoff; once the broker is back everything waiting is delivered, in order per key.
/// Where instances share a store, one relays every instance's events at a time (the <see cref="LeaseName"/> lease),
/// each with the header of the instance that wrote it.
/// </summary>
public sealed class OutboxRelay(
    IDbContextFactory<KittDbContext> dbFactory,
    Outbox outbox,
    IOptions<KafkaOptions> options,
    ComponentStates states,
    TimeProvider clock,
    LeasedWork leased,
    OutboxMetrics metrics,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public const string LeaseName = "outbox-relay";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return; // in-process: the outbox records events as sent when they are written
        }

        using var producer = new ProducerBuilder<string, string>(KafkaClients.Producer(settings))
            .SetErrorHandler((_, e) => logger.LogDebug("Kafka: {Reason}", e.Reason))
            .SetLogHandler((_, m) => KafkaClients.Log(logger, m))
            .Build();
        states.Report(ComponentStates.EventBus, ComponentStatus.Starting, settings.Cluster);
        await leased.RunAsync(LeaseName, token => RelayAsync(producer, settings, token),
            () => states.Report(ComponentStates.EventBus, ComponentStatus.Running, $"{settings.Cluster} (another instance relays the outbox)"), stoppingToken);
    }

    private async Task RelayAsync(IProducer<string, string> producer, KafkaOptions settings, CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (sent, failure) = await RelayOnceAsync(producer, settings, stoppingToken);
                if (failure is null)
                {
                    backoff = TimeSpan.FromSeconds(1);
                    states.Report(ComponentStates.EventBus, ComponentStatus.Running, settings.Cluster);
                    if (sent == 0)
                    {
                        await outbox.WaitAsync(Idle, stoppingToken);
                    }

                    continue;
                }

                var waiting = await WaitingAsync(stoppingToken);
                states.Report(ComponentStates.EventBus, ComponentStatus.Degraded,
                    $"{settings.Cluster} does not acknowledge ({failure}); {waiting} events wait in the outbox");
            }
            catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
            {
                logger.LogWarning(ex, "Cannot read or mark the outbox");
                states.Report(ComponentStates.EventBus, ComponentStatus.Degraded, $"cannot read the outbox: {ex.GetBaseException().Message}");
            }

            await Task.Delay(backoff, clock, stoppingToken);
            backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
        }
    }

    /// <returns>How many events were acknowledged, and the first failure, if any.</returns>
    public async Task<(int Sent, string? Failure)> RelayOnceAsync(IProducer<string, string> producer, KafkaOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var batch = await db.Outbox.AsNoTracking().Where(e => e.SentAt == null).OrderBy(e => e.Id)
            .Take(settings.RelayBatchSize).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return (0, null);
        }

        using var activity = OutboxMetrics.Tracing.StartActivity("outbox.relay");
        activity?.SetTag("kitt.outbox.batch", batch.Count);

        var own = Encoding.UTF8.GetBytes(settings.InstanceId);
        var deliveries = batch.Select(e => producer.ProduceAsync(settings.TopicName(e.Topic), new Message<string, string>
        {
            Key = e.Key,
            Value = e.Envelope,
            Headers = new Headers { { EventTopics.EventIdHeader, Encoding.UTF8.GetBytes(e.EventId) }, { EventTopics.OriginHeader, e.Origin is { } origin ? Encoding.UTF8.GetBytes(origin) : own } },
        }, cancellationToken)).ToList();

        // Every send is awaited, so each event's outcome is known; only acknowledged ones are marked.
        var acknowledged = new List<long>();
        string? failure = null;
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                await deliveries[i];
                acknowledged.Add(batch[i].Id);
            }
            catch (ProduceException<string, string> ex)
            {
                failure ??= ex.Error.Reason;
            }
        }

        var now = clock.GetUtcNow();
        if (acknowledged.Count > 0)
        {
            await db.Outbox.Where(e => acknowledged.Contains(e.Id)).ExecuteUpdateAsync(u => u.SetProperty(e => e.SentAt, now), cancellationToken);
        }

        if (failure is not null)
        {
            var failed = batch.Select(e => e.Id).Except(acknowledged).ToList();
            await db.Outbox.Where(e => failed.Contains(e.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(e => e.Attempts, e => e.Attempts + 1)
                .SetProperty(e => e.LastError, failure), cancellationToken);
            logger.LogWarning("Kafka did not acknowledge {Failed} of {Count} events: {Failure}", failed.Count, batch.Count, failure);
        }

        metrics.Relayed(acknowledged.Count, batch.Count - acknowledged.Count);
        if (failure is not null)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, failure);
        }

        return (acknowledged.Count, failure);
    }

    private async Task<int> WaitingAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Outbox.CountAsync(e => e.SentAt == null, cancellationToken);
    }
}
