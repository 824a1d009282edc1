namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>
/// What one notification tells a receiver: a group's alerts (firing ones, and those resolved since it was last
/// sent), its labels, and the key that stays the same on every attempt.
/// </summary>
public sealed record NotificationMessage(
    string Key,
    string Receiver,
    string GroupKey,
    IReadOnlyDictionary<string, string> GroupLabels,
    IReadOnlyList<NotifiedAlert> Alerts,
    DateTimeOffset At)
{
    public int FiringCount => Alerts.Count(a => a.Firing);

    /// <summary>Alertmanager's group status: firing while any of its alerts fires.</summary>
    public string Status => FiringCount > 0 ? "firing" : "resolved";

    /// <summary>The labels every alert of the group has with the same value.</summary>
    public IReadOnlyDictionary<string, string> CommonLabels()
    {
        if (Alerts.Count == 0)
        {
            return GroupLabels;
        }

        var common = new SortedDictionary<string, string>(Alerts[0].Labels.ToDictionary(), StringComparer.Ordinal);
        foreach (var alert in Alerts.Skip(1))
        {
            var labels = alert.Labels;
            foreach (var name in common.Keys.ToList())
            {
                if (!labels.TryGetValue(name, out var v) || v != common[name])
                {
                    common.Remove(name);
                }
            }
        }

        return common;
    }

    /// <summary>A one-line summary for chat and mail subjects: <c>[FIRING:3] cpu on host, web-1, web-2</c>.</summary>
    public string Summary()
    {
        var firing = FiringCount;
        var head = firing > 0 ? $"[FIRING:{firing}]" : "[RESOLVED]";
        var types = Alerts.Select(a => a.Type).Distinct().Take(3);
        var sources = Alerts.Select(a => a.Source).Distinct().ToList();
        var shown = string.Join(", ", sources.Take(3)) + (sources.Count > 3 ? $" and {sources.Count - 3} more" : "");
        return $"{head} {string.Join(", ", types)} on {shown}";
    }
}
