namespace Kitt.Dashboard.Alerts.Rules;

/// <summary>A rule ready to judge values: its selector parsed, its lines and labels worked out once.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(AlertRule rule)
    {
        Rule = rule;
        Info = SignalInfo.Of(rule.Signal);
        Selector = rule.Scope == RuleScope.Containers && !string.IsNullOrEmpty(rule.Match) ? ContainerSelector.Parse(rule.Match) : null;
        ClearLine = rule.Operator.IsBelow() ? rule.Threshold + rule.ResolveMargin : rule.Threshold - rule.ResolveMargin;
        For = TimeSpan.FromSeconds(rule.ForSeconds);
        Window = TimeSpan.FromSeconds(rule.WindowSeconds ?? 0);
        var labels = RuleLabels.Read(rule.Labels).ToDictionary(StringComparer.Ordinal);
        labels["rule"] = rule.Id;
        labels["scope"] = RuleView.Wire(rule.Scope);
        Labels = labels;
        Condition = rule.ConditionText();
        Message = $"Rule {rule.Id}: {Condition}.";
    }

    public AlertRule Rule { get; }

    public SignalInfo Info { get; }

    public ContainerSelector? Selector { get; }

    public double ClearLine { get; }

    public TimeSpan For { get; }

    public TimeSpan Window { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>The rule in one line, for alert messages: <c>cpu_percent &gt;= 80 for 10s</c>.</summary>
    public string Condition { get; }

    /// <summary>What its alerts say of it, made once: a poll may judge thousands of values.</summary>
    public string Message { get; }

    /// <summary>Whether the value passes the threshold, without building a condition.</summary>
    public bool Breaches(double value) => Rule.Operator switch
    {
        RuleOperator.Above => value > Rule.Threshold,
        RuleOperator.AtLeast => value >= Rule.Threshold,
        RuleOperator.Below => value < Rule.Threshold,
        _ => value <= Rule.Threshold,
    };

    /// <param name="subject">What the value is of, as a title reads: <c>CPU of api-1</c>.</param>
    public AlertCondition Judge(string source, double value, string subject) => new(
        Rule.Name, source, Rule.Severity, value, Rule.Threshold, ClearLine, For,
        $"{subject} at {Info.Format(value)}",
        Message,
        Rule.Operator, Labels, AlertGroups.OfScope(Rule.Scope));
}
