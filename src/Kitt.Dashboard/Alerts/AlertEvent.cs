namespace Kitt.Dashboard.Alerts;

public enum AlertSeverity
{
    Info,
    Warning,
    Error,
    Critical,
}

/// <summary>An alert's announcement on the <c>alerts</c> topic (the layout's badge and toasts listen to it).</summary>
public sealed record AlertEvent(
    string Key,
    string Type,
    AlertSeverity Severity,
    bool Firing,
    string Title,
    string Message,
    DateTimeOffset At);
