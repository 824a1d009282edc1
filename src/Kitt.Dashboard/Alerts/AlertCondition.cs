namespace Kitt.Dashboard.Alerts;

/// <summary>
/// What a rule sees in one sample for one key. The alert fires when <see cref="Value"/> reaches
/// <see cref="FireAt"/> for <see cref="For"/>, and resolves only once it falls below <see cref="ClearBelow"/>
/// (hysteresis), so a value hovering at the threshold does not flap.
/// </summary>
public sealed record AlertCondition(
    string Type,
    string Source,
    AlertSeverity Severity,
    double Value,
    double FireAt,
    double ClearBelow,
    TimeSpan For,
    string Title,
    string Message)
{
    public string Key => $"{Type}:{Source}";

    /// <summary>A yes/no condition (unhealthy, exited, unavailable): value 1 fires, 0 resolves.</summary>
    public static AlertCondition Flag(string type, string source, AlertSeverity severity, bool active, TimeSpan @for, string title, string message) =>
        new(type, source, severity, active ? 1 : 0, 1, 1, @for, title, message);
}
