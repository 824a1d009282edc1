using System.Diagnostics;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// One publisher, N subscribers on the <c>containers</c> topic, P publishes. Measures publish→handler latency
/// (every delivered value), the publisher's time and allocation per publish, and the process's allocation per
/// publish including delivery. Runs a 1-subscriber baseline in the same process for the ratio.
/// </summary>
internal static class HubBench
{
    public static async Task<int> RunAsync(int subscribers, int publishes, int rounds, TimeSpan pace)
    {
        Console.WriteLine($"hub fan-out: {subscribers} subscribers on '{ContainersSnapshot.Topic.Name}', {publishes} publishes, " +
                          $"pace {(pace == TimeSpan.Zero ? "none (burst)" : pace.TotalMilliseconds + " ms")}, {rounds} rounds, " +
                          $"{Environment.ProcessorCount} cores");
        await RunRoundAsync(subscribers, Math.Min(publishes, 1000), pace); // warm-up: JIT and thread pool
        var baseline = new List<RoundResult>();
        var measured = new List<RoundResult>();
        for (var round = 0; round < rounds; round++)
        {
            baseline.Add(await RunRoundAsync(1, publishes, pace));
            measured.Add(await RunRoundAsync(subscribers, publishes, pace));
        }

        Report("baseline (1 subscriber)", baseline);
        Report($"{subscribers} subscribers", measured);
        var ratio = Percentiles.Median([.. measured.Select(r => r.P99Ms)]) / Percentiles.Median([.. baseline.Select(r => r.P99Ms)]);
        Console.WriteLine($"p99 latency ratio {subscribers} subscribers / baseline: {ratio:0.00}x");
        return 0;
    }

    private static void Report(string label, List<RoundResult> rounds)
    {
        double Med(Func<RoundResult, double> f) => Percentiles.Median([.. rounds.Select(f)]);
        Console.WriteLine(
            $"{label,-24} median of {rounds.Count} rounds: p50 {Med(r => r.P50Ms):0.000} ms, p99 {Med(r => r.P99Ms):0.000} ms, " +
            $"max {Med(r => r.MaxMs):0.000} ms | publish call {Med(r => r.PublishNs):0} ns, " +
            $"publisher alloc {Med(r => r.PublisherBytesPerPublish):0} B/publish, process alloc {Med(r => r.ProcessBytesPerPublish):0} B/publish | " +
            $"delivered {Med(r => r.Delivered):0}, superseded {Med(r => r.Superseded):0}");
    }

    private static async Task<RoundResult> RunRoundAsync(int subscriberCount, int publishes, TimeSpan pace)
    {
        var hub = new TopicHub(NullLogger<TopicHub>.Instance);
        var publishedAt = new long[publishes];
        var values = Enumerable.Range(0, publishes)
            .Select(i => new ContainersSnapshot(new DateTimeOffset(i, TimeSpan.Zero), "bench", ComponentStatus.Running, null, []))
            .ToArray();
        var latencies = new LatencyLog[subscriberCount];
        var subscriptions = new List<IDisposable>(subscriberCount);
        var lastSeen = new CountdownEvent(subscriberCount);
        for (var s = 0; s < subscriberCount; s++)
        {
            var log = latencies[s] = new LatencyLog(publishes);
            subscriptions.Add(hub.Subscribe(ContainersSnapshot.Topic, (batch, _) =>
            {
                var now = Stopwatch.GetTimestamp();
                var index = (int)batch[^1].At.UtcTicks;
                log.Add(now - publishedAt[index]);
                if (index == publishes - 1)
                {
                    lastSeen.Signal();
                }

                return ValueTask.CompletedTask;
            }));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var processBefore = GC.GetTotalAllocatedBytes(precise: true);
        var publisherBefore = GC.GetAllocatedBytesForCurrentThread();
        long publishTicks = 0;
        var paceTicks = (long)(pace.TotalSeconds * Stopwatch.Frequency);
        var next = Stopwatch.GetTimestamp();
        for (var i = 0; i < publishes; i++)
        {
            if (paceTicks > 0)
            {
                next += paceTicks;
                while (Stopwatch.GetTimestamp() < next)
                {
                    Thread.SpinWait(20);
                }
            }

            var start = Stopwatch.GetTimestamp();
            publishedAt[i] = start;
            hub.Publish(ContainersSnapshot.Topic, values[i]);
            publishTicks += Stopwatch.GetTimestamp() - start;
        }

        var publisherBytes = GC.GetAllocatedBytesForCurrentThread() - publisherBefore;
        await Task.Run(() => lastSeen.Wait(TimeSpan.FromSeconds(60)));
        var processBytes = GC.GetTotalAllocatedBytes(precise: true) - processBefore;
        var stats = hub.GetStatistics().Topics.Single(t => t.Topic == ContainersSnapshot.Topic.Name);
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        var all = latencies.SelectMany(l => l.Milliseconds()).ToList();
        return new RoundResult(
            Percentiles.Of(all, 50),
            Percentiles.Of(all, 99),
            all.Count == 0 ? double.NaN : all.Max(),
            publishTicks * 1e9 / Stopwatch.Frequency / publishes,
            (double)publisherBytes / publishes,
            (double)processBytes / publishes,
            stats.Delivered,
            stats.Superseded);
    }

    private sealed record RoundResult(
        double P50Ms,
        double P99Ms,
        double MaxMs,
        double PublishNs,
        double PublisherBytesPerPublish,
        double ProcessBytesPerPublish,
        double Delivered,
        double Superseded);

    /// <summary>Pre-sized so recording a latency allocates nothing inside the measurement.</summary>
    private sealed class LatencyLog(int capacity)
    {
        private readonly long[] ticks = new long[capacity];
        private int count;

        public void Add(long value)
        {
            if (count < ticks.Length)
            {
                ticks[count++] = value;
            }
        }

        public IEnumerable<double> Milliseconds() => ticks.Take(count).Select(t => t * 1000.0 / Stopwatch.Frequency);
    }
}
