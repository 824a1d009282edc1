namespace Kitt.Dashboard.Alerts.Rules;

/// <summary>
/// The rules the dashboard starts with: CPU and memory of the host and of every container, and the API's error
/// rate, at the thresholds of <c>Alerts:Thresholds</c> (80, 85, 5), breached for 10 s, resolving 5 points (1 for
/// errors) under. An Admin's change to one is stored and wins; until then the configuration applies.
/// </summary>
public static class DefaultRules
{
    public static readonly TimeSpan BreachFor = TimeSpan.FromSeconds(10);

    /// <summary>Percentage points below a CPU or memory threshold before its alert resolves.</summary>
    public const double Hysteresis = 5;

    public static IReadOnlyList<AlertRule> For(AlertThresholdValues t) =>
    [
        Rule("host-cpu", "cpu", RuleScope.Host, RuleSignal.CpuPercent, t.CpuPercent, Hysteresis, AlertSeverity.Warning),
        Rule("host-memory", "memory", RuleScope.Host, RuleSignal.MemoryPercent, t.MemoryPercent, Hysteresis, AlertSeverity.Warning),
        Rule("container-cpu", "cpu", RuleScope.Containers, RuleSignal.CpuPercent, t.CpuPercent, Hysteresis, AlertSeverity.Warning),
        Rule("container-memory", "memory", RuleScope.Containers, RuleSignal.MemoryPercent, t.MemoryPercent, Hysteresis, AlertSeverity.Warning),
        Rule("api-errors", "error_rate", RuleScope.Source, RuleSignal.ErrorRate, t.ErrorRatePercent, 1, AlertSeverity.Error, "api"),
    ];

    public static readonly IReadOnlySet<string> Ids = For(new AlertThresholdValues(1, 1, 1)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    private static AlertRule Rule(string id, string name, RuleScope scope, RuleSignal signal, double threshold, double margin, AlertSeverity severity, string? match = null) => new()
    {
        Id = id,
        Name = name,
        Scope = scope,
        Match = match,
        Signal = signal,
        Operator = RuleOperator.AtLeast,
        Threshold = threshold,
        ForSeconds = BreachFor.TotalSeconds,
        // Below the threshold, or a low one (a memory threshold of 1 %) would make an alert that cannot resolve.
        ResolveMargin = Math.Min(margin, threshold / 2),
        Severity = severity,
        UpdatedBy = "defaults",
    };
}
