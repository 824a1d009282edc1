using System.Diagnostics;
using System.Globalization;
using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// What judging one container poll costs today: the container rules (CPU, memory, health, exit, restart loop) over
/// every container, through the tracker's state machine, as the alert-manager does per poll. The baseline for the
/// configurable rules to come, whose target is 500 rules over 200 containers in under 5 ms.
/// </summary>
internal static class RuleEvalBench
{
    public static int Run(int containers, int polls)
    {
        var random = new Random(5);
        var thresholds = new AlertThresholdValues(80, 85, 5);
        var tracker = new AlertTracker(TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        ContainersSnapshot Poll() => new(DateTimeOffset.UtcNow, "bench", ComponentStatus.Running, null, [.. Enumerable.Range(0, containers).Select(i =>
            new ContainerRow($"c{i}", $"svc-{i}", "registry/app:1", i % 50 == 0 ? "exited" : "running", "Up", now, RestartCount: i % 7,
                StartedAt: now.AddMinutes(-5), ExitCode: i % 50 == 0 ? 1 : null,
                Usage: i % 50 == 0 ? null : new ContainerUsage(random.NextDouble() * 100, random.NextInt64(1L << 30), 1L << 30, 0, 0, 0, 0, 10)))]);

        var times = new List<double>();
        var conditions = 0;
        for (var i = 0; i < polls; i++)
        {
            var snapshot = Poll();
            var watch = Stopwatch.StartNew();
            var evaluated = AlertRules.Containers(snapshot, thresholds);
            tracker.Evaluate("containers", evaluated);
            times.Add(watch.Elapsed.TotalMilliseconds);
            conditions = evaluated.Count;
        }

        var warm = times.Skip(Math.Min(10, polls / 2)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rule evaluation, {containers} containers, {conditions} conditions a poll, {polls} polls: median {Percentiles.Median(warm):0.000} ms, p99 {Percentiles.Of(warm, 99):0.000} ms"));
        return 0;
    }
}
