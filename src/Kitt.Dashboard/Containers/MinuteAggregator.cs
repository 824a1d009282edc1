namespace Kitt.Dashboard.Containers;

/// <summary>
/// Folds container samples into per-minute aggregates. A minute is complete once a sample of a later minute
/// arrives; a container that leaves the engine completes its last minute then.
/// </summary>
internal sealed class MinuteAggregator
{
    private readonly Dictionary<string, Accumulator> open = new(StringComparer.Ordinal);

    /// <summary>Adds one poll and returns the minutes it completed.</summary>
    public IReadOnlyList<ContainerUsageMinute> Add(ContainersSnapshot snapshot)
    {
        if (!snapshot.SourceAvailable || snapshot.FromEvent)
        {
            // No news about the containers: their minutes stay open until the engine answers again.
            return [];
        }

        var minute = MinuteOf(snapshot.At);
        var done = new List<ContainerUsageMinute>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in snapshot.Containers)
        {
            if (row.Usage is not { } usage)
            {
                continue;
            }

            seen.Add(row.Id);
            if (open.TryGetValue(row.Id, out var current) && current.Minute != minute)
            {
                done.Add(current.Complete());
                current = null;
            }

            if (current is null)
            {
                current = new Accumulator(row.Id, row.Name, minute);
                open[row.Id] = current;
            }

            current.Add(usage);
        }

        foreach (var (id, gone) in open.Where(p => !seen.Contains(p.Key) && p.Value.Minute < minute).ToList())
        {
            done.Add(gone.Complete());
            open.Remove(id);
        }

        return done;
    }

    /// <summary>Completes every open minute, e.g. when the app stops.</summary>
    public IReadOnlyList<ContainerUsageMinute> Flush()
    {
        var done = open.Values.Select(a => a.Complete()).ToList();
        open.Clear();
        return done;
    }

    public static DateTimeOffset MinuteOf(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    private sealed class Accumulator(string id, string name, DateTimeOffset minute)
    {
        private int samples;
        private double cpuSum;
        private double cpuMax;
        private double memorySum;
        private long memoryMax;
        private double rxRateSum;
        private double txRateSum;
        private ContainerUsage? last;

        public DateTimeOffset Minute => minute;

        public void Add(ContainerUsage usage)
        {
            samples++;
            cpuSum += usage.CpuPercent;
            cpuMax = Math.Max(cpuMax, usage.CpuPercent);
            memorySum += usage.MemoryBytes;
            memoryMax = Math.Max(memoryMax, usage.MemoryBytes);
            rxRateSum += usage.NetRxBytesPerSecond;
            txRateSum += usage.NetTxBytesPerSecond;
            last = usage;
        }

        public ContainerUsageMinute Complete() => new()
        {
            ContainerId = id,
            Name = name,
            Minute = minute,
            Samples = samples,
            CpuPercentAvg = cpuSum / samples,
            CpuPercentMax = cpuMax,
            MemoryBytesAvg = (long)(memorySum / samples),
            MemoryBytesMax = memoryMax,
            MemoryLimitBytes = last!.MemoryLimitBytes,
            NetRxBytesPerSecond = rxRateSum / samples,
            NetTxBytesPerSecond = txRateSum / samples,
            NetRxBytes = last.NetRxBytes,
            NetTxBytes = last.NetTxBytes,
            BlockReadBytes = last.BlockReadBytes,
            BlockWriteBytes = last.BlockWriteBytes,
        };
    }
}
