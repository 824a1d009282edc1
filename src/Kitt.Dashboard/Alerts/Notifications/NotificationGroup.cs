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
    /// <param name="sendResolved">Alertmanager's <c>send_resolved</c>: false, a resolve only leaves the group, quietly.</param>
    /// <returns>False when the change means nothing here: a resolve of an alert this group never held.</returns>
    public bool Add(NotifiedAlert alert, NotificationRoute route, DateTimeOffset now, bool sendResolved)
    {
        var held = members.GetValueOrDefault(alert.Key);
        if (!alert.Firing && held is null)
        {
            return false;
        }

        if (!alert.Firing && (!sendResolved || held is { Told: false }))
        {
            members.Remove(alert.Key); // nothing to tell: it was never told, or resolves are not sent
            return true;
        }

        // A resolve keeps what was told of the firing; a new firing (the same key fired again) is news.
        members[alert.Key] = alert.Firing ? alert : alert with { Told = held!.Told };
        Schedule(route, now);
        return true;
    }

    /// <summary>Whether the group is to be sent now: news whose wait is over, a firing alert not told yet that may be
    /// told now (its silence ended, its inhibitor resolved), or a repeat of what still fires.</summary>
    /// <param name="hidden">Firing alerts not to tell now.</param>
    /// <param name="repeats">Firing alerts that keep the group's repeats going.</param>
    public bool Due(NotificationRoute route, DateTimeOffset now, Func<NotifiedAlert, bool> hidden, Func<NotifiedAlert, bool> repeats)
    {
        if (Row.NextFlushAt is { } next)
        {
            return now >= next;
        }

        if (Row.LastFlushAt is not { } last)
        {
            return false;
        }

        return (now >= last + route.GroupInterval && members.Values.Any(a => a.Firing && !a.Told && !hidden(a)))
            || (now >= last + route.RepeatInterval && members.Values.Any(a => a.Firing && repeats(a)));
    }

    /// <summary>The next moment <see cref="Due"/> may turn true, for choosing the groups to look at.</summary>
    public DateTimeOffset? NextDue(NotificationRoute route) =>
        Row.NextFlushAt
        ?? (Row.LastFlushAt is not { } last ? null
            : members.Values.Any(a => a.Firing && !a.Told) ? last + route.GroupInterval
            : members.Values.Any(a => a.Firing) ? last + route.RepeatInterval
            : null);

    /// <summary>Sends the group: the alerts to tell, then resolved ones leave it.</summary>
    /// <param name="sendResolved">Alertmanager's <c>send_resolved</c>: false leaves resolved alerts out of the message.</param>
    /// <param name="hidden">Firing alerts not to tell now: silenced or inhibited. They stay in the group.</param>
    /// <returns>The message, or null when nothing is left to tell.</returns>
    public NotificationMessage? Flush(DateTimeOffset now, bool sendResolved, Func<NotifiedAlert, bool> hidden)
    {
        var told = members.Values.Where(a => a.Firing ? !hidden(a) : sendResolved && a.Told).OrderBy(a => a.StartsAt).ThenBy(a => a.Id).ToList();
        foreach (var alert in members.Values.ToList())
        {
            if (!alert.Firing)
            {
                members.Remove(alert.Key);
            }
            else if (!alert.Told && !hidden(alert))
            {
                members[alert.Key] = alert with { Told = true };
            }
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

    /// <summary>
    /// When news is sent: a new group after its wait; a group sent before at the next tick of its interval since that
    /// send, as Alertmanager's group ticks, so news within one interval goes together.
    /// </summary>
    private void Schedule(NotificationRoute route, DateTimeOffset now)
    {
        DateTimeOffset due;
        if (Row.LastFlushAt is not { } last)
        {
            due = Row.CreatedAt + route.GroupWait;
        }
        else if (route.GroupInterval <= TimeSpan.Zero)
        {
            due = now;
        }
        else
        {
            var ticks = Math.Max(1, (long)Math.Ceiling((now - last) / route.GroupInterval));
            due = last + ticks * route.GroupInterval;
        }

        Row.NextFlushAt = Row.NextFlushAt is { } set && set < due ? set : due;
    }
}
