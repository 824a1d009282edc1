using Kitt.Dashboard.Alerts.Silencing;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>
/// What keeps firing alerts out of a notification at the moment a group is sent: a silence in force or a firing
/// inhibitor hides an alert from every message; an acknowledgement stops only its repeats.
/// </summary>
internal sealed record Muting(IReadOnlySet<long> Acknowledged, IReadOnlySet<string> Inhibitors, SilenceIndex Silences, DateTimeOffset At)
{
    public bool Hidden(NotifiedAlert alert) =>
        alert.Firing && (Silences.Match(alert.Labels, At) is not null || (Inhibitions.By(alert.Type, alert.Source, alert.RuleLabels) is { } by && Inhibitors.Contains(by)));

    /// <summary>Whether the alert keeps its group's repeats going.</summary>
    public bool Repeats(NotifiedAlert alert) => !Hidden(alert) && !Acknowledged.Contains(alert.Id);
}
