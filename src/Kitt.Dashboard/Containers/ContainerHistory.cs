using System.Collections.Concurrent;
using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.Containers;

/// <summary>One point of a container's usage history: a poll, or the average of a stored minute.</summary>
public sealed record UsageSample(
    DateTimeOffset At,
    double CpuPercent,
    long MemoryBytes,
    double MemoryPercent,
    double NetRxBytesPerSecond,
    double NetTxBytesPerSecond)
{
    public static UsageSample Of(DateTimeOffset at, ContainerUsage u) =>
        new(at, u.CpuPercent, u.MemoryBytes, u.MemoryPercent, u.NetRxBytesPerSecond, u.NetTxBytesPerSecond);

    public static UsageSample Of(ContainerUsageMinute m) => new(
        m.Minute, m.CpuPercentAvg, m.MemoryBytesAvg, ContainerStatsMath.Percent((ulong)m.MemoryBytesAvg, (ulong)m.MemoryLimitBytes),
        m.NetRxBytesPerSecond, m.NetTxBytesPerSecond);
}

/// <summary>
/// The last <see cref="Window"/> of usage per container, in memory, for sparklines and the detail charts. Fed from
/// the <c>containers</c> topic like any other subscriber; a container that leaves the engine leaves the history.
/// </summary>
public sealed class ContainerHistory(ITopicHub hub) : TopicListener<ContainersSnapshot>(hub, ContainersSnapshot.Topic)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Series> series = new(StringComparer.Ordinal);

    protected override void OnPublished(ContainersSnapshot value) => Record(value);

    /// <summary>The samples of one container since <paramref name="since"/>, oldest first; empty for an unknown id.</summary>
    public IReadOnlyList<UsageSample> Of(string containerId, DateTimeOffset since) =>
        series.TryGetValue(containerId, out var s) ? s.Since(since) : [];

    public bool Knows(string containerId) => series.ContainsKey(containerId);

    internal void Record(ContainersSnapshot snapshot)
    {
        if (!snapshot.SourceAvailable || snapshot.FromEvent)
        {
            // An engine that is away says nothing about its containers: keep what we had. An event measures nothing.
            return;
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in snapshot.Containers)
        {
            present.Add(row.Id);
            if (row.Usage is { } u)
            {
                series.GetOrAdd(row.Id, _ => new Series())
                    .Add(UsageSample.Of(snapshot.At, u), snapshot.At - Window);
            }
        }

        foreach (var id in series.Keys.Where(id => !present.Contains(id)))
        {
            series.TryRemove(id, out _);
        }
    }

    private sealed class Series
    {
        private readonly Lock gate = new();
        private readonly Queue<UsageSample> samples = new();

        public void Add(UsageSample sample, DateTimeOffset oldestKept)
        {
            lock (gate)
            {
                samples.Enqueue(sample);
                while (samples.Peek().At < oldestKept)
                {
                    samples.Dequeue();
                }
            }
        }

        public IReadOnlyList<UsageSample> Since(DateTimeOffset since)
        {
            lock (gate)
            {
                return [.. samples.Where(s => s.At >= since)];
            }
        }
    }
}
