using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>An alert as notifications carry it: its state when the change was stored, and the labels routes match.</summary>
public sealed record NotifiedAlert(
    long Id,
    string Key,
    string Type,
    string Source,
    AlertSeverity Severity,
    AlertState State,
    string Title,
    string Message,
    double? Value,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt)
{
    /// <summary>How notices, groups and notifications store alerts: camelCase, enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public bool Firing => State == AlertState.Firing;

    /// <summary>Whether a notification of its group has told of it firing: only then is its resolve told too.</summary>
    public bool Told { get; init; }

    /// <summary>The labels of the configured rule that raised it, if one did.</summary>
    public IReadOnlyDictionary<string, string>? RuleLabels { get; init; }

    /// <summary>
    /// What routes, groups and silences match: <c>alertname</c> and <c>type</c> (the rule), <c>source</c>,
    /// <c>severity</c> in lower case, and <c>key</c>. The names Alertmanager users know come first.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> Labels => AlertLabels.Of(Type, Source, Severity, Key, RuleLabels);

    public static NotifiedAlert From(Alert alert) => new(
        alert.Id, alert.Key, alert.Type, alert.Source, alert.Severity, alert.State, alert.Title, alert.Message, alert.Value,
        alert.FiredAt, alert.ResolvedAt)
    {
        RuleLabels = alert.Labels is null ? null : Rules.RuleLabels.Read(alert.Labels),
    };
}
