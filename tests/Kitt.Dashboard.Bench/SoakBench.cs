using System.Diagnostics;
using System.Globalization;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// The topic hub under a long run in compressed time: <c>updates</c> publishes, nine snapshots (a poll of 20
/// containers) to one event (a session change), to <c>subscribers</c> subscribers on both topics, as that many open
/// circuits subscribe. Every tenth of the run the managed heap (after a full collection) and the process's resident
/// set are sampled; a leak per update shows as a slope. Reported: each sample, the least-squares slope per 10⁵ updates
/// and the change from the first sample to the last.
/// </summary>
internal static class SoakBench
{
    public static async Task<int> RunAsync(int updates, int subscribers)
    {
        var hub = new TopicHub(NullLogger<TopicHub>.Instance);
        var handled = 0L;
        var subscriptions = new List<IDisposable>();
        for (var s = 0; s < subscribers; s++)
        {
            subscriptions.Add(hub.Subscribe(ContainersSnapshot.Topic, (batch, _) =>
            {
                Interlocked.Add(ref handled, batch.Count);
                return ValueTask.CompletedTask;
            }));
            subscriptions.Add(hub.Subscribe(SessionEvent.Topic, async (batch, token) =>
            {
                Interlocked.Add(ref handled, batch.Count);
                await Task.Yield(); // a circuit renders on its own dispatcher, not on the publisher's thread
            }));
        }

        var snapshots = Enumerable.Range(0, 16).Select(Snapshot).ToArray();
        var step = Math.Max(1, updates / 10);
        var samples = new List<(long Updates, double HeapMiB, double RssMiB, int Threads)> { Sample(0) };
        var watch = Stopwatch.StartNew();
        for (var i = 1; i <= updates; i++)
        {
            if (i % 10 == 0)
            {
                hub.Publish(SessionEvent.Topic, new SessionEvent("soak", SessionChange.Navigated, DateTimeOffset.UtcNow, subscribers, "soak", "/containers"));
            }
            else
            {
                hub.Publish(ContainersSnapshot.Topic, snapshots[i % snapshots.Length]);
            }

            if (i % 1000 == 0)
            {
                await Task.Yield(); // let the subscribers' readers run, as the publisher's poll interval would
            }

            if (i % step == 0)
            {
                samples.Add(Sample(i));
            }
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        foreach (var (count, heap, rss, threads) in samples)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count,9:N0} updates: managed heap {heap,7:0.00} MiB, RSS {rss,7:0.0} MiB, {threads} pool threads"));
        }

        var stats = hub.GetStatistics();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{updates:N0} updates to {subscribers} subscribers in {watch.Elapsed.TotalSeconds:0.0} s; handled {handled:N0}, delivered {stats.Delivered:N0}, dropped {stats.Dropped:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"slope per 10^5 updates: managed heap {Slope(samples, s => s.HeapMiB) * 1024:+0.0;-0.0} KiB, RSS {Slope(samples, s => s.RssMiB) * 1024:+0;-0} KiB; " +
            $"first→last sample: heap {samples[1].HeapMiB:0.00}→{samples[^1].HeapMiB:0.00} MiB, RSS {samples[1].RssMiB:0.0}→{samples[^1].RssMiB:0.0} MiB"));
        return 0;
    }

    private static (long, double, double, int) Sample(long updates)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        return (updates, GC.GetTotalMemory(forceFullCollection: false) / 1048576.0, self.WorkingSet64 / 1048576.0, ThreadPool.ThreadCount);
    }

    /// <summary>Least squares over the samples after the first (the first is before any update: JIT and pools not warm).</summary>
    private static double Slope(List<(long Updates, double HeapMiB, double RssMiB, int Threads)> samples, Func<(long Updates, double HeapMiB, double RssMiB, int Threads), double> value)
    {
        var points = samples.Skip(1).Select(s => (X: s.Updates / 100_000.0, Y: value(s))).ToList();
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        return points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
    }

    private static ContainersSnapshot Snapshot(int seed) => new(
        new DateTimeOffset(2026, 12, 1, 0, 0, seed, TimeSpan.Zero),
        "unix:///var/run/docker.sock",
        ComponentStatus.Running,
        null,
        [.. Enumerable.Range(0, 20).Select(c => new ContainerRow($"{c:x12}", $"service-{c}", "kitt/service:1", "running", "Up", DateTimeOffset.UnixEpoch))]);
}
