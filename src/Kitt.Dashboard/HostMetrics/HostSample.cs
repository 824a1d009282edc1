using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.HostMetrics;

/// <summary>One sample of the machine the dashboard runs on, published on the <c>metrics</c> topic.</summary>
public sealed record HostSample(
    DateTimeOffset At,
    int CpuCount,
    double CpuPercent,
    long MemoryUsedBytes,
    long MemoryTotalBytes,
    double Load1,
    double Load5,
    double Load15,
    string DiskPath,
    long DiskUsedBytes,
    long DiskTotalBytes)
{
    /// <summary>The live topic of host samples: the latest one only.</summary>
    public static readonly Topic<HostSample> Topic = Realtime.Topic.Snapshot<HostSample>("metrics");

    public double MemoryPercent => MemoryTotalBytes == 0 ? 0 : 100.0 * MemoryUsedBytes / MemoryTotalBytes;

    public double DiskPercent => DiskTotalBytes == 0 ? 0 : 100.0 * DiskUsedBytes / DiskTotalBytes;
}
