using System.Text.RegularExpressions;
using Kitt.Dashboard.Alerts.Notifications;

namespace Kitt.Dashboard.Alerts.Rules;

/// <summary>Turns a rule as the API takes it into a rule to store, or says for each field what is wrong with it.</summary>
public static partial class RuleCheck
{
    /// <summary>Alert types the dashboard raises itself: a rule of that name would mix its alerts with theirs.</summary>
    public static readonly IReadOnlySet<string> BuiltInTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "container_health", "container_exit", "restart_loop", "oom", "source_unavailable", "packing", "weather", "route",
    };

    /// <summary>Labels every alert has already; a rule may not set them.</summary>
    private static readonly IReadOnlySet<string> ReservedLabels = new HashSet<string>(StringComparer.Ordinal)
    {
        "alertname", "type", "source", "severity", "key", "rule", "scope",
    };

    private static readonly TimeSpan LongestFor = TimeSpan.FromHours(24);

    public const int MostLabels = 20;

    private const int MostMatch = 2000;

    /// <summary>Label names and values are short, so twenty of them fit the alert's stored labels with room to spare.</summary>
    private const int MostLabelName = 100;

    public static bool IsId(string? id) => id is not null && IdSyntax().IsMatch(id);

    /// <returns>The rule, or the problems by field (JSON names).</returns>
    public static (AlertRule? Rule, Dictionary<string, string[]> Problems) Check(string id, RuleSpec spec)
    {
        var problems = new Dictionary<string, string[]>();
        void Problem(string field, string text) => problems.TryAdd(field, [text]);

        if (!IsId(id))
        {
            Problem("id", "id must be 1 to 64 lower-case letters, digits, - and _, starting with a letter or digit.");
        }

        if (string.IsNullOrWhiteSpace(spec.Name) || !NameSyntax().IsMatch(spec.Name))
        {
            Problem("name", "name must be 1 to 40 lower-case letters, digits and _, starting with a letter (the alerts' type, such as cpu).");
        }
        else if (BuiltInTypes.Contains(spec.Name))
        {
            Problem("name", $"name {spec.Name} is an alert the dashboard raises itself; choose another.");
        }

        RuleScope? scope = Enum.TryParse<RuleScope>(spec.Scope, ignoreCase: true, out var s) && spec.Scope == RuleView.Wire(s) ? s : null;
        if (scope is null)
        {
            Problem("scope", "scope must be host, containers, packing or source.");
        }

        var info = SignalInfo.Find(spec.Signal);
        if (info is null)
        {
            Problem("signal", $"signal must be one of {string.Join(", ", SignalInfo.All.Select(i => i.Name))}.");
        }
        else if (scope is { } sc && !info.Scopes.Contains(sc))
        {
            Problem("signal", $"{info.Name} is not measured for scope {RuleView.Wire(sc)}; it has {string.Join(", ", SignalInfo.All.Where(i => i.Scopes.Contains(sc)).Select(i => i.Name))}.");
        }

        var match = string.IsNullOrWhiteSpace(spec.Match) ? null : spec.Match.Trim();
        if (match is { Length: > MostMatch })
        {
            Problem("match", $"match must be at most {MostMatch} characters.");
            match = null;
        }
        switch (scope)
        {
            case RuleScope.Containers when match is not null:
                try
                {
                    match = ContainerSelector.Parse(match).ToString();
                }
                catch (ArgumentException ex)
                {
                    Problem("match", ex.Message);
                }

                break;
            case RuleScope.Source when info?.Source is { } source:
                if (match is not null && match != source)
                {
                    Problem("match", $"{info.Name} is measured for source {source} only.");
                }

                match = source;
                break;
            case RuleScope.Host or RuleScope.Packing when match is not null:
                Problem("match", $"scope {RuleView.Wire(scope.Value)} is one thing: match must be empty.");
                break;
        }

        var op = spec.Operator is null ? RuleOperator.AtLeast : RuleOperators.Parse(spec.Operator);
        if (op is null)
        {
            Problem("operator", "operator must be >, >=, < or <=.");
        }

        var percent = info?.Unit == "%";
        if (spec.Threshold is not { } threshold || !double.IsFinite(threshold))
        {
            Problem("threshold", "threshold is required: a number.");
            threshold = 0;
        }
        else if (threshold < 0 || (percent && threshold > 100))
        {
            Problem("threshold", percent ? "threshold must be from 0 to 100 (per cent)." : "threshold must be 0 or more.");
        }

        var @for = Duration(spec.For, "for", TimeSpan.Zero, Problem);
        TimeSpan? window = null;
        if (info is { Windowed: true })
        {
            window = Duration(spec.Window, "window", TimeSpan.FromMinutes(10), Problem);
            if (window < TimeSpan.FromSeconds(10))
            {
                Problem("window", "window must be at least 10s.");
            }
        }
        else if (spec.Window is not null)
        {
            Problem("window", $"window counts restarts and packing failures only; {info?.Name ?? "this signal"} is a level.");
        }

        var margin = spec.ResolveMargin ?? 0;
        if (!double.IsFinite(margin) || margin < 0 || (percent && margin > 100))
        {
            Problem("resolveMargin", "resolveMargin must be 0 or more (and at most 100 for a per cent signal).");
        }
        else if (!problems.ContainsKey("threshold") && (op is RuleOperator.AtLeast && margin > 0 && margin >= threshold || op is RuleOperator.Above && margin > threshold))
        {
            // Signals are never negative: a resolve line at or under 0 would hold the alert for ever.
            Problem("resolveMargin", $"resolveMargin must be less than the threshold ({threshold:0.##}) for a rising rule, or its alert could never resolve.");
        }

        AlertSeverity? severity = spec.Severity is null ? AlertSeverity.Warning
            : Enum.GetValues<AlertSeverity>().Cast<AlertSeverity?>().FirstOrDefault(v => AlertLabels.Severity(v!.Value) == spec.Severity);
        if (severity is null)
        {
            Problem("severity", "severity must be info, warning, error or critical.");
        }

        CheckLabels(spec.Labels, Problem);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new AlertRule
        {
            Id = id,
            Name = spec.Name!,
            Scope = scope!.Value,
            Match = match,
            Signal = info!.Signal,
            Operator = op!.Value,
            Threshold = threshold,
            ForSeconds = @for.TotalSeconds,
            WindowSeconds = window?.TotalSeconds,
            ResolveMargin = margin,
            Severity = severity!.Value,
            Labels = RuleLabels.Write(spec.Labels),
            Enabled = spec.Enabled ?? true,
            UpdatedBy = "",
        }, problems);
    }

    private static void CheckLabels(Dictionary<string, string>? labels, Action<string, string> problem)
    {
        if (labels is null)
        {
            return;
        }

        if (labels.Count > MostLabels)
        {
            problem("labels", $"labels may be at most {MostLabels}.");
        }

        foreach (var (name, value) in labels)
        {
            if (name.Length > MostLabelName || !LabelSyntax().IsMatch(name))
            {
                problem($"labels.{name[..Math.Min(name.Length, MostLabelName)]}", $"'{name[..Math.Min(name.Length, MostLabelName)]}' is not a label name (up to {MostLabelName} letters, digits and _, not starting with a digit).");
            }
            else if (ReservedLabels.Contains(name))
            {
                problem($"labels.{name}", $"{name} is a label every alert has already.");
            }
            else if (value is null || value.Length is 0 or > 200)
            {
                problem($"labels.{name}", $"labels.{name} must have a value of 1 to 200 characters.");
            }
        }
    }

    private static TimeSpan Duration(string? text, string field, TimeSpan absent, Action<string, string> problem)
    {
        if (text is null)
        {
            return absent;
        }

        if (!Durations.TryParse(text, out var duration))
        {
            problem(field, $"{field} must be a duration such as 0s, 30s, 5m or 1h.");
        }
        else if (duration > LongestFor)
        {
            problem(field, $"{field} must be at most 24h.");
        }

        return duration;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex IdSyntax();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex NameSyntax();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex LabelSyntax();
}
