namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>
/// An alert change the receivers are to hear of, stored in the transaction that stores the change, so a change is
/// never lost between the alert-manager and the notifier. The notifier routes it into groups and deletes it.
/// </summary>
public sealed class AlertNotice
{
    public long Id { get; set; }

    public long AlertId { get; set; }

    /// <summary>The <see cref="NotifiedAlert"/> as JSON.</summary>
    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// One aggregation group of one route, as Alertmanager keeps them: the alerts it holds and when it is next sent.
/// Stored on every change, so a restart goes on with the same groups and timers.
/// </summary>
public sealed class NotificationGroupRow
{
    public long Id { get; set; }

    public required string Receiver { get; set; }

    /// <summary>The route's position and the values of its group-by labels: <c>0:{source="db"}</c>.</summary>
    public required string GroupKey { get; set; }

    /// <summary>The group-by labels as JSON.</summary>
    public required string Labels { get; set; }

    /// <summary>The alerts of the group by key, as JSON: firing ones, and resolved ones not sent yet.</summary>
    public required string Members { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set while the group holds news not sent: when it is due.</summary>
    public DateTimeOffset? NextFlushAt { get; set; }

    public DateTimeOffset? LastFlushAt { get; set; }
}

/// <summary>
/// One notification to one receiver: the delivery outbox. Written with the group's flush, sent at least once, retried
/// with backoff while the receiver fails; <see cref="Key"/> goes with every attempt so a receiver can drop repeats.
/// </summary>
public sealed class NotificationRow
{
    public long Id { get; set; }

    /// <summary>The idempotency key: the same on every attempt.</summary>
    public required string Key { get; set; }

    public required string Receiver { get; set; }

    public required string GroupKey { get; set; }

    /// <summary><c>firing</c> or <c>resolved</c>: the group's state when it was sent.</summary>
    public required string Status { get; set; }

    public int AlertCount { get; set; }

    /// <summary>The <see cref="NotificationMessage"/> as JSON.</summary>
    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>When the receiver refused it for good (see <see cref="ReceiverException.Permanent"/>); it is not tried again.</summary>
    public DateTimeOffset? RefusedAt { get; set; }
}
