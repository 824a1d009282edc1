using System.Diagnostics.Metrics;
using Kitt.Dashboard.Hosting;

namespace Kitt.Dashboard.Containers;

/// <summary>How long a poll of the engine takes, whether the engine answers, and the containers by state.</summary>
public sealed class ContainerMetrics : IFeatureMetrics
{
    public const string MeterName = FeatureMetrics.Prefix + ".Containers";

    private readonly Histogram<double> pollDuration;
    private volatile ContainersSnapshot? latest;

    public ContainerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        pollDuration = meter.CreateHistogram("kitt.docker.poll.duration", "s", "Time one poll of the engine takes (list and stats of every container)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10] });
        meter.CreateObservableUpDownCounter("kitt.docker.containers", ByState, "{container}", "Containers by state, as of the latest poll");
        meter.CreateObservableUpDownCounter("kitt.docker.available", () => latest is { SourceAvailable: true } ? 1 : 0, "1",
            "1 while the engine answers, 0 while it does not");
    }

    public void Polled(ContainersSnapshot snapshot, TimeSpan took)
    {
        latest = snapshot;
        pollDuration.Record(took.TotalSeconds, FeatureMetrics.Tag("available", snapshot.SourceAvailable));
    }

    // Every state the engine knows is reported, 0 included, so a series falls to 0 instead of going stale.
    private static readonly string[] States = ["created", "running", "paused", "restarting", "removing", "exited", "dead"];

    private IEnumerable<Measurement<int>> ByState()
    {
        if (latest is not { } snapshot)
        {
            return [];
        }

        var counts = snapshot.Containers.CountBy(c => c.State).ToDictionary();
        return States.Union(counts.Keys).Select(state => new Measurement<int>(counts.GetValueOrDefault(state), FeatureMetrics.Tag("state", state)));
    }
}
