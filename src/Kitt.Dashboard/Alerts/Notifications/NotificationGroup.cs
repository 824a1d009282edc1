using System.Text.Json;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>
/// One aggregation group and its timers, with Alertmanager's meaning: the first alert of a new group waits
/// <c>group_wait</c> for others to join; after a send, news waits until <c>group_interval</c> has passed since it;
/// a group that still fires with nothing new is sent again once <c>repeat_interval</c> has passed. Resolved alerts
/// leave the group once sent; an empty group is gone. Pure and clock-driven, stored as a <see cref="NotificationGroupRow"/>.
/// </summary>
public sealed class NotificationGroup
{
    private readonly Dictionary<string, NotifiedAlert> members;

    private NotificationGroup(NotificationGroupRow row, Dictionary<string, NotifiedAlert> members) =>
        (Row, this.members) = (row, members);

    private NotificationGroupRow Row { get; }

    public string Receiver => Row.Receiver;

    public string Key => Row.GroupKey;

    public bool IsEmpty => members.Count == 0;

    public IReadOnlyCollection<NotifiedAlert> Members => members.Values;

    public static NotificationGroup New(string receiver, string key, IReadOnlyDictionary<string, string> labels, DateTimeOffset now) =>
        new(new NotificationGroupRow
        {
            Receiver = receiver,
            GroupKey = key,
            Labels = JsonSerializer.Serialize(labels, NotifiedAlert.Json),
            Members = "{}",
            CreatedAt = now,
        }, new Dictionary<string, NotifiedAlert>(StringComparer.Ordinal));

    public static NotificationGroup Load(NotificationGroupRow row) =>
        new(row, JsonSerializer.Deserialize<Dictionary<string, NotifiedAlert>>(row.Members, NotifiedAlert.Json) ?? []);

    /// <summary>Takes in an alert's change and sets when the group is due.</summary>
    /// <returns>False when the change means nothing here: a resolve of an alert this group never held.</returns>
    public bool Add(NotifiedAlert alert, NotificationRoute route, DateTimeOffset now)
    {
        if (!alert.Firing && !members.ContainsKey(alert.Key))
        {
            return false;
        }

        members[alert.Key] = alert;
        var due = Row.LastFlushAt is { } last ? Max(now, last + route.GroupInterval) : Row.CreatedAt + route.GroupWait;
        Row.NextFlushAt = Row.NextFlushAt is { } set && set < due ? set : due;
        return true;
    }

    /// <summary>Whether the group is to be sent now: news whose wait is over, or a repeat of what still fires.</summary>
    public bool Due(NotificationRoute route, DateTimeOffset now, Func<NotifiedAlert, bool> repeats) =>
        Row.NextFlushAt is { } next
            ? now >= next
            : Row.LastFlushAt is { } last && now >= last + route.RepeatInterval && members.Values.Any(a => a.Firing && repeats(a));

    /// <summary>The next moment <see cref="Due"/> may turn true, for the notifier's sleep.</summary>
    public DateTimeOffset? NextDue(NotificationRoute route) =>
        Row.NextFlushAt ?? (Row.LastFlushAt is { } last && members.Values.Any(a => a.Firing) ? last + route.RepeatInterval : null);

    /// <summary>Sends the group: the alerts to tell, then resolved ones leave it.</summary>
    /// <param name="sendResolved">Alertmanager's <c>send_resolved</c>: false leaves resolved alerts out of the message.</param>
    /// <param name="hidden">Firing alerts not to tell now: silenced or inhibited. They stay in the group.</param>
    /// <returns>The message, or null when nothing is left to tell.</returns>
    public NotificationMessage? Flush(DateTimeOffset now, bool sendResolved, Func<NotifiedAlert, bool> hidden)
    {
        var told = members.Values.Where(a => a.Firing ? !hidden(a) : sendResolved).OrderBy(a => a.StartsAt).ThenBy(a => a.Id).ToList();
        foreach (var resolved in members.Values.Where(a => !a.Firing).ToList())
        {
            members.Remove(resolved.Key);
        }

        Row.LastFlushAt = now;
        Row.NextFlushAt = null;
        if (told.Count == 0)
        {
            return null;
        }

        var labels = JsonSerializer.Deserialize<SortedDictionary<string, string>>(Row.Labels, NotifiedAlert.Json) ?? [];
        return new NotificationMessage(Guid.NewGuid().ToString("N"), Receiver, Key, labels, told, now);
    }

    /// <summary>The row with the members as they are now, to store; serialized once per save, not per change.</summary>
    public NotificationGroupRow ToRow()
    {
        Row.Members = JsonSerializer.Serialize(members, NotifiedAlert.Json);
        return Row;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
