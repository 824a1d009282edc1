namespace Kitt.Dashboard.Alerts.Rules;

/// <summary>
/// A stored rule: an Admin's own, or an Admin's change to a default one. A default an Admin deleted is kept as
/// <see cref="Deleted"/>, so the default does not come back with the next start.
/// </summary>
public sealed class AlertRule
{
    /// <summary>The rule's handle in the API and the UI, e.g. <c>container-cpu</c>.</summary>
    public required string Id { get; set; }

    /// <summary>The alerts' type and <c>alertname</c>, e.g. <c>cpu</c>; an alert's key is this and its source.</summary>
    public required string Name { get; set; }

    public RuleScope Scope { get; set; }

    /// <summary>For containers: the selector (empty: every container); for a source: its name.</summary>
    public string? Match { get; set; }

    public RuleSignal Signal { get; set; }

    public RuleOperator Operator { get; set; }

    public double Threshold { get; set; }

    public double ForSeconds { get; set; }

    /// <summary>The window a counted signal (restarts, packing failures) counts over.</summary>
    public double? WindowSeconds { get; set; }

    /// <summary>How far back past the threshold the value must go before the alert resolves.</summary>
    public double ResolveMargin { get; set; }

    public AlertSeverity Severity { get; set; }

    /// <summary>The rule's labels as JSON, added to each alert it raises.</summary>
    public string? Labels { get; set; }

    public bool Enabled { get; set; } = true;

    public bool Deleted { get; set; }

    /// <summary>Counts the rule's changes; a change naming an older version is refused (someone else changed it).</summary>
    public int Version { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The rule in one line, as alert messages and the editor show it: <c>cpu_percent &gt;= 80 for 10s</c>.</summary>
    public string ConditionText() =>
        $"{SignalInfo.Of(Signal).Name} {Operator.Text()} {Threshold.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}"
        + (WindowSeconds is { } window ? $" in {Notifications.Durations.Format(TimeSpan.FromSeconds(window))}" : "")
        + (ForSeconds > 0 ? $" for {Notifications.Durations.Format(TimeSpan.FromSeconds(ForSeconds))}" : "");
}

/// <summary>One change to a rule, for its history: who made it, when, and the rule as it was after.</summary>
public sealed class AlertRuleChange
{
    public long Id { get; set; }

    public required string RuleId { get; set; }

    /// <summary><c>created</c>, <c>changed</c> or <c>deleted</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The rule after the change, as the API shows it (JSON); none once deleted.</summary>
    public string? Rule { get; set; }

    public required string ChangedBy { get; set; }

    public DateTimeOffset At { get; set; }
}
