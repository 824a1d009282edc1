namespace Kitt.Dashboard.Alerts;

/// <summary>Alerts of one time bucket, by severity (indexed by <see cref="AlertSeverity"/>).</summary>
public sealed record AlertBucket(DateTimeOffset Start, IReadOnlyList<int> BySeverity)
{
    public int Total => BySeverity.Sum();
}

/// <summary>How many alerts a filter selects over time, by severity, and in all by type: the history page's chart.</summary>
public sealed record AlertCounts(TimeSpan BucketSize, IReadOnlyList<AlertBucket> Buckets, IReadOnlyList<KeyValuePair<string, int>> ByType)
{
    private static readonly TimeSpan[] Sizes =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(7),
    ];

    /// <summary>The shortest span the chart shows when the filter sets no start.</summary>
    public static readonly TimeSpan MinimumRange = TimeSpan.FromHours(1);

    public int Total => Buckets.Sum(b => b.Total);

    /// <summary>The smallest round bucket size that covers the range in at most <paramref name="buckets"/> buckets.</summary>
    public static TimeSpan SizeFor(DateTimeOffset from, DateTimeOffset to, int buckets)
    {
        var range = to - from;
        return Sizes.FirstOrDefault(s => (range.Ticks + s.Ticks - 1) / s.Ticks <= buckets, Sizes[^1]);
    }

    /// <summary>Every bucket from <paramref name="origin"/> to <paramref name="to"/>, empty ones included, so the chart's x axis is time.</summary>
    public static AlertCounts Create(
        DateTimeOffset origin, TimeSpan size, DateTimeOffset to, IEnumerable<(long Bucket, AlertSeverity Severity, string Type, int Count)> groups)
    {
        var bySeverity = new SortedDictionary<long, int[]>();
        var byType = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (bucket, severity, type, count) in groups)
        {
            if (!bySeverity.TryGetValue(bucket, out var counts))
            {
                bySeverity[bucket] = counts = new int[Enum.GetValues<AlertSeverity>().Length];
            }

            counts[(int)severity] += count;
            byType[type] = byType.GetValueOrDefault(type) + count;
        }

        var last = Math.Max(((to - origin).Ticks - 1) / size.Ticks, bySeverity.Count == 0 ? 0 : bySeverity.Keys.Last());
        var buckets = new List<AlertBucket>();
        for (var i = 0L; i <= last; i++)
        {
            buckets.Add(new AlertBucket(origin + size * i, bySeverity.TryGetValue(i, out var c) ? c : new int[Enum.GetValues<AlertSeverity>().Length]));
        }

        return new AlertCounts(size, buckets, [.. byType.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)]);
    }
}
