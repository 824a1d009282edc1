using Kitt.Dashboard.Alerts.Notifications;

namespace Kitt.Dashboard.Alerts.Silencing;

/// <summary>
/// The silences in force, arranged so an alert is tested against few of them: each silence with an equality matcher
/// is filed under its first one (name and value), and an alert looks only in the files of its own label values, plus
/// the few silences that have regular expressions or negations only. With 1,000 silences on sources, an alert tests
/// the one or two for its source rather than all.
/// </summary>
public sealed class SilenceIndex
{
    private readonly Dictionary<(string Name, string Value), List<Entry>> filed = [];
    private readonly List<Entry> unfiled = [];

    public SilenceIndex(IEnumerable<(long Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<Matcher> Matchers)> silences)
    {
        foreach (var (id, starts, ends, matchers) in silences)
        {
            var entry = new Entry(id, starts, ends, matchers);
            if (matchers.FirstOrDefault(m => m.IsEqual && !m.IsRegex) is { } key)
            {
                if (!filed.TryGetValue((key.Name, key.Value), out var list))
                {
                    filed[(key.Name, key.Value)] = list = [];
                }

                list.Add(entry);
            }
            else
            {
                unfiled.Add(entry);
            }
        }

        Count = filed.Values.Sum(l => l.Count) + unfiled.Count;
    }

    public static SilenceIndex Empty { get; } = new([]);

    public int Count { get; }

    /// <returns>The id of a silence in force at <paramref name="at"/> that matches every label it names, or null.</returns>
    public long? Match(IReadOnlyDictionary<string, string> labels, DateTimeOffset at)
    {
        if (Count == 0)
        {
            return null;
        }

        foreach (var (name, value) in labels)
        {
            if (filed.TryGetValue((name, value), out var list) && First(list, labels, at) is { } id)
            {
                return id;
            }
        }

        return First(unfiled, labels, at);
    }

    private static long? First(List<Entry> entries, IReadOnlyDictionary<string, string> labels, DateTimeOffset at)
    {
        foreach (var e in entries)
        {
            if (e.StartsAt <= at && at < e.EndsAt && AllMatch(e.Matchers, labels))
            {
                return e.Id;
            }
        }

        return null;
    }

    private static bool AllMatch(IReadOnlyList<Matcher> matchers, IReadOnlyDictionary<string, string> labels)
    {
        for (var i = 0; i < matchers.Count; i++)
        {
            if (!matchers[i].Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Entry(long Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<Matcher> Matchers);
}
