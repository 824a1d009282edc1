namespace Kitt.Dashboard.Containers;

/// <summary>
/// One container's usage over one minute, stored for the history charts beyond the in-memory window. Counters
/// (network, block I/O) are their values at the end of the minute; rates and CPU/memory are averaged.
/// </summary>
public sealed class ContainerUsageMinute
{
    public long Id { get; set; }

    public required string ContainerId { get; set; }

    public required string Name { get; set; }

    /// <summary>The minute's start, UTC.</summary>
    public DateTimeOffset Minute { get; set; }

    public int Samples { get; set; }

    public double CpuPercentAvg { get; set; }

    public double CpuPercentMax { get; set; }

    public long MemoryBytesAvg { get; set; }

    public long MemoryBytesMax { get; set; }

    public long MemoryLimitBytes { get; set; }

    public double NetRxBytesPerSecond { get; set; }

    public double NetTxBytesPerSecond { get; set; }

    public long NetRxBytes { get; set; }

    public long NetTxBytes { get; set; }

    public long BlockReadBytes { get; set; }

    public long BlockWriteBytes { get; set; }
}
