using Kitt.Dashboard.Data;
using Kitt.Dashboard.Protocol;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Events;

/// <summary>
/// Adds events to the outbox inside the caller's unit of work, so an event exists exactly when its fact does.
/// With Kafka configured the relay sends them; without, the in-process hub already carried them and they are
/// recorded as sent, so turning Kafka on later replays nothing.
/// </summary>
public sealed class Outbox(IOptions<KafkaOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim written = new(0, 1);

    public bool ViaKafka => options.Value.Enabled;

    /// <summary>Adds the event to <paramref name="db"/>; it is stored by the caller's next save, with its fact.</summary>
    public OutboxEvent Add<T>(KittDbContext db, string topic, string key, string type, T payload, string? correlationId = null)
    {
        var e = Event(topic, key, type, payload, correlationId);
        db.Outbox.Add(e);
        return e;
    }

    /// <summary>The event as stored, for a caller that writes it in its own transaction with its fact.</summary>
    public OutboxEvent Event<T>(string topic, string key, string type, T payload, string? correlationId = null)
    {
        var now = clock.GetUtcNow();
        return new OutboxEvent
        {
            EventId = Guid.NewGuid().ToString("N"),
            Topic = topic,
            Key = key,
            Envelope = EventEnvelope.Serialize(type, now, payload, correlationId),
            CreatedAt = now,
            SentAt = ViaKafka ? null : now,
            Origin = options.Value.InstanceId,
        };
    }

    /// <summary>Tells the relay that stored events wait; call after the save that stored them.</summary>
    public void Written()
    {
        if (written.CurrentCount == 0)
        {
            try
            {
                written.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: the relay will look.
            }
        }
    }

    /// <summary>Waits until events were written or <paramref name="timeout"/> passed.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => written.WaitAsync(timeout, cancellationToken);
}
