using Kitt.Dashboard.Data;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.HostMetrics;

/// <summary>Samples /proc and the data volume every couple of seconds; works with or without a Docker engine.</summary>
public sealed class HostMetricsSampler(
    ITopicHub hub,
    ComponentStates states,
    IConfiguration configuration,
    StoreProvider store,
    TimeProvider clock,
    ILogger<HostMetricsSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        states.Report(ComponentStates.HostMetrics, ComponentStatus.Starting);
        var diskPath = DataFolder();
        (ulong Busy, ulong Total)? previous = null;
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                // CPU % is a rate: the first reading only sets the baseline for the next.
                var current = await ReadCpuAsync(stoppingToken);
                if (previous is { } before)
                {
                    hub.Publish(HostSample.Topic, await SampleAsync(before, current, diskPath, stoppingToken));
                    states.Report(ComponentStates.HostMetrics, ComponentStatus.Running);
                }

                previous = current;
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                logger.LogDebug(ex, "Host sample failed");
                states.Report(ComponentStates.HostMetrics, ComponentStatus.Degraded, "cannot read /proc: " + ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<HostSample> SampleAsync(
        (ulong Busy, ulong Total) before,
        (ulong Busy, ulong Total) after,
        string diskPath,
        CancellationToken token)
    {
        var (used, total) = ProcFiles.ParseMemory(await File.ReadAllTextAsync("/proc/meminfo", token));
        var (one, five, fifteen) = ProcFiles.ParseLoad(await File.ReadAllTextAsync("/proc/loadavg", token));
        var drive = new DriveInfo(diskPath);
        return new HostSample(
            clock.GetUtcNow(),
            Environment.ProcessorCount,
            ProcFiles.CpuPercent(before, after),
            used,
            total,
            one,
            five,
            fifteen,
            diskPath,
            drive.TotalSize - drive.AvailableFreeSpace,
            drive.TotalSize);
    }

    private static async Task<(ulong Busy, ulong Total)> ReadCpuAsync(CancellationToken token) =>
        ProcFiles.ParseCpuTimes(await File.ReadAllTextAsync("/proc/stat", token));

    /// <summary>
    /// The folder holding the database file, the disk an operator must not let fill up; with a database server, the
    /// working folder (the archive and logs' disk).
    /// </summary>
    private string DataFolder() => store.DataFolder(DatabaseSetup.ConnectionString(configuration)) ?? Directory.GetCurrentDirectory();
}
