using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.Alerts;

public enum AlertSeverity
{
    Info,
    Warning,
    Error,
    Critical,
}

public enum AlertState
{
    Firing,
    Resolved,
}

/// <summary>
/// An alert's announcement on the <c>alerts</c> topic, published after the change is stored. <see cref="Notify"/>
/// is false when the same key was announced within the cooldown: the change is in the history, but no toast.
/// </summary>
public sealed record AlertEvent(
    long Id,
    string Key,
    string Type,
    string Source,
    AlertSeverity Severity,
    AlertState State,
    string Title,
    string Message,
    double? Value,
    DateTimeOffset At,
    bool Notify = true)
{
    /// <summary>The live topic of alert changes, every one.</summary>
    public static readonly Topic<AlertEvent> Topic = Realtime.Topic.Events<AlertEvent>("alerts");

    public bool Firing => State == AlertState.Firing;

    public static AlertEvent From(Alert alert, bool notify) => new(
        alert.Id, alert.Key, alert.Type, alert.Source, alert.Severity, alert.State, alert.Title, alert.Message, alert.Value,
        alert.State == AlertState.Firing ? alert.FiredAt : alert.ResolvedAt ?? alert.UpdatedAt, notify);
}
