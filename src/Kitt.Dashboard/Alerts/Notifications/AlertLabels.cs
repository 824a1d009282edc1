namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>
/// An alert's labels, what routes, groups and silences match: <c>alertname</c> and <c>type</c> (the rule),
/// <c>source</c>, <c>severity</c> in lower case, and <c>key</c>. The names Alertmanager users know come first.
/// </summary>
public static class AlertLabels
{
    public static IReadOnlyDictionary<string, string> Of(string type, string source, AlertSeverity severity, string key) =>
        new Dictionary<string, string>(5, StringComparer.Ordinal)
        {
            ["alertname"] = type,
            ["type"] = type,
            ["source"] = source,
            ["severity"] = Severity(severity),
            ["key"] = key,
        };

    /// <summary>Severities as labels and the API spell them, without allocating.</summary>
    public static string Severity(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Info => "info",
        AlertSeverity.Warning => "warning",
        AlertSeverity.Error => "error",
        _ => "critical",
    };
}
