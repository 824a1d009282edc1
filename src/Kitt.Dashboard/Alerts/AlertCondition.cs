using Kitt.Dashboard.Alerts.Rules;

namespace Kitt.Dashboard.Alerts;

/// <summary>
/// What a rule sees in one sample for one key. The alert fires when <see cref="Value"/> passes
/// <see cref="FireAt"/> (as <see cref="Operator"/> compares) for <see cref="For"/>, and resolves only once it is
/// back beyond <see cref="ClearBelow"/> (hysteresis), so a value hovering at the threshold does not flap.
/// </summary>
/// <param name="ClearBelow">The resolve line: below it for rising rules, above it for falling ones (<c>&lt;</c>, <c>&lt;=</c>).</param>
/// <param name="Labels">The rule's own labels, for routes and silences beside the ones every alert has.</param>
/// <param name="Group">The group a configured rule's alert is judged in (<see cref="AlertGroups"/>); built-in ones go by type.</param>
public sealed record AlertCondition(
    string Type,
    string Source,
    AlertSeverity Severity,
    double Value,
    double FireAt,
    double ClearBelow,
    TimeSpan For,
    string Title,
    string Message,
    RuleOperator Operator = RuleOperator.AtLeast,
    IReadOnlyDictionary<string, string>? Labels = null,
    string? Group = null)
{
    public string Key => KeyOf(Type, Source);

    /// <summary>The value is past the threshold: the alert is pending, or fires once <see cref="For"/> has passed.</summary>
    public bool Breaches => Operator switch
    {
        RuleOperator.Above => Value > FireAt,
        RuleOperator.AtLeast => Value >= FireAt,
        RuleOperator.Below => Value < FireAt,
        _ => Value <= FireAt,
    };

    /// <summary>
    /// A firing alert goes on: the value is still past the resolve line, compared as the operator compares (so
    /// <c>restarts &gt; 0</c> with no margin resolves at 0 rather than holding there).
    /// </summary>
    public bool Holds => Operator switch
    {
        RuleOperator.Above => Value > ClearBelow,
        RuleOperator.AtLeast => Value >= ClearBelow,
        RuleOperator.Below => Value < ClearBelow,
        _ => Value <= ClearBelow,
    };

    public static string KeyOf(string type, string source) => string.Concat(type, ":", source);

    /// <summary>A yes/no condition (unhealthy, exited, unavailable): value 1 fires, 0 resolves.</summary>
    public static AlertCondition Flag(string type, string source, AlertSeverity severity, bool active, TimeSpan @for, string title, string message) =>
        new(type, source, severity, active ? 1 : 0, 1, 1, @for, title, message);
}
