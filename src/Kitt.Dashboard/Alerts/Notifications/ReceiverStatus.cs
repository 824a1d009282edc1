namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>A receiver as Admins see it: whether it takes notifications, since when it fails and why, and what waits for it.</summary>
public sealed record ReceiverStatus(string Name, string Kind, bool Healthy, DateTimeOffset? FailingSince, string? LastError, int Waiting);

/// <summary>How each receiver is doing on the instance that sends, as the notifier last said: read by the Admins' views.</summary>
public sealed class ReceiverHealth
{
    private volatile IReadOnlyList<ReceiverStatus> current = [];

    /// <summary>Empty while this instance stands by (another one sends) or before the first round.</summary>
    public IReadOnlyList<ReceiverStatus> Current => current;

    internal void Set(IReadOnlyList<ReceiverStatus> receivers) => current = receivers;
}
