namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>
/// An alert's labels, what routes, groups and silences match: <c>alertname</c> and <c>type</c> (the rule),
/// <c>source</c>, <c>severity</c> in lower case, and <c>key</c>. The names Alertmanager users know come first.
/// </summary>
public static class AlertLabels
{
    /// <param name="rule">A configured rule's labels (its own, <c>rule</c> and <c>scope</c>): they never override the five.</param>
    public static IReadOnlyDictionary<string, string> Of(string type, string source, AlertSeverity severity, string key, IReadOnlyDictionary<string, string>? rule = null)
    {
        var labels = new Dictionary<string, string>(5 + (rule?.Count ?? 0), StringComparer.Ordinal)
        {
            ["alertname"] = type,
            ["type"] = type,
            ["source"] = source,
            ["severity"] = Severity(severity),
            ["key"] = key,
        };
        foreach (var (name, value) in rule ?? Empty)
        {
            labels.TryAdd(name, value);
        }

        return labels;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    /// <summary>Severities as labels and the API spell them, without allocating.</summary>
    public static string Severity(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Info => "info",
        AlertSeverity.Warning => "warning",
        AlertSeverity.Error => "error",
        _ => "critical",
    };
}
