namespace Kitt.Dashboard.Events;

/// <summary>
/// An event waiting for, or past, its delivery to Kafka. Written in the same transaction as the fact it announces;
/// <see cref="SentAt"/> is set only once the broker acknowledged it (or at once when events stay in-process).
/// </summary>
public sealed class OutboxEvent
{
    /// <summary>The order of delivery.</summary>
    public long Id { get; set; }

    public required string EventId { get; set; }

    /// <summary>The topic's default name; see <see cref="EventTopics"/>.</summary>
    public required string Topic { get; set; }

    /// <summary>The message key: a shipment or alert id, or a route.</summary>
    public required string Key { get; set; }

    /// <summary>The KITT envelope as JSON.</summary>
    public required string Envelope { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// The instance whose change the event announces: whichever instance relays it, consumers then know whose it is
    /// (null for events stored before instances shared a store: the relaying instance's).
    /// </summary>
    public string? Origin { get; set; }
}

/// <summary>An event a consumer has handled, so a redelivery is recognised and skipped.</summary>
public sealed class InboxEvent
{
    public required string EventId { get; set; }

    public required string Topic { get; set; }

    public DateTimeOffset HandledAt { get; set; }
}
