using System.Text.Json;
using Kitt.Dashboard.Alerts.Notifications;

namespace Kitt.Dashboard.Alerts.Rules;

/// <summary>
/// A rule as the API takes it. Left out: operator <c>&gt;=</c>, <c>for</c> 0s, resolve margin 0, severity
/// warning, enabled; <c>window</c> 10m for counted signals; a source rule's <c>match</c> is its signal's source.
/// </summary>
/// <param name="Version">The version the change starts from; a rule changed since is refused with 409.</param>
public sealed record RuleSpec(
    string? Name = null,
    string? Scope = null,
    string? Match = null,
    string? Signal = null,
    string? Operator = null,
    double? Threshold = null,
    string? For = null,
    string? Window = null,
    double? ResolveMargin = null,
    string? Severity = null,
    Dictionary<string, string>? Labels = null,
    bool? Enabled = null,
    int? Version = null);

/// <summary>A rule in force, as the API and the editor show it.</summary>
public sealed record RuleView(
    string Id,
    string Name,
    string Scope,
    string? Match,
    string Signal,
    string Operator,
    double Threshold,
    string For,
    string? Window,
    double ResolveMargin,
    string Severity,
    IReadOnlyDictionary<string, string> Labels,
    bool Enabled,
    bool IsDefault,
    int Version,
    string UpdatedBy,
    DateTimeOffset? UpdatedAt)
{
    public static RuleView Of(AlertRule rule, bool isDefault) => new(
        rule.Id, rule.Name, Wire(rule.Scope), rule.Match, SignalInfo.Of(rule.Signal).Name, rule.Operator.Text(), rule.Threshold,
        Durations.Format(TimeSpan.FromSeconds(rule.ForSeconds)),
        rule.WindowSeconds is { } w ? Durations.Format(TimeSpan.FromSeconds(w)) : null,
        rule.ResolveMargin, AlertLabels.Severity(rule.Severity), RuleLabels.Read(rule.Labels), rule.Enabled, isDefault, rule.Version,
        rule.UpdatedBy, rule.Version == 0 ? null : rule.UpdatedAt)
    {
        Condition = rule.ConditionText(),
    };

    /// <summary>The condition in one line: <c>cpu_percent &gt; 80 for 10s</c>.</summary>
    public string Condition { get; init; } = "";

    public static string Wire(RuleScope scope) => scope.ToString().ToLowerInvariant();
}

/// <summary>One change of a rule's history.</summary>
public sealed record RuleChangeView(long Id, string RuleId, string Action, RuleView? Rule, string ChangedBy, DateTimeOffset At);

/// <summary>Rule labels as stored: a JSON object of strings.</summary>
public static class RuleLabels
{
    public static IReadOnlyDictionary<string, string> Read(string? json) =>
        string.IsNullOrEmpty(json) ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    public static string? Write(IReadOnlyDictionary<string, string>? labels) =>
        labels is null || labels.Count == 0 ? null : JsonSerializer.Serialize(labels.OrderBy(l => l.Key, StringComparer.Ordinal).ToDictionary());
}
