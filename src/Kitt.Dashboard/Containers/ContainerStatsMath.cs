namespace Kitt.Dashboard.Containers;

/// <summary>The docker CLI's arithmetic for one stats sample, so the dashboard and <c>docker stats</c> agree.</summary>
internal static class ContainerStatsMath
{
    /// <summary>CPU delta over system delta, times the CPUs the container may use, as a percentage.</summary>
    public static double CpuPercent(ulong cpuTotal, ulong previousCpuTotal, ulong system, ulong previousSystem, uint onlineCpus, int perCpuEntries)
    {
        if (cpuTotal <= previousCpuTotal || system <= previousSystem)
        {
            return 0;
        }

        var cpus = onlineCpus > 0 ? onlineCpus : (uint)Math.Max(1, perCpuEntries);
        return (double)(cpuTotal - previousCpuTotal) / (system - previousSystem) * cpus * 100.0;
    }

    /// <summary>Usage minus the inactive page cache (cgroup v2 <c>inactive_file</c>, v1 <c>total_inactive_file</c>).</summary>
    public static ulong MemoryUsed(ulong usage, IDictionary<string, ulong>? stats)
    {
        if (stats is null)
        {
            return usage;
        }

        var cache = stats.TryGetValue("inactive_file", out var v2) ? v2
            : stats.TryGetValue("total_inactive_file", out var v1) ? v1
            : 0;
        return cache < usage ? usage - cache : usage;
    }

    public static double Percent(ulong part, ulong whole) => whole == 0 ? 0 : 100.0 * part / whole;
}
