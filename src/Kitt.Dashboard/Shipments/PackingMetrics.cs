using System.Diagnostics;
using System.Diagnostics.Metrics;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Protocol;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// The packing queue and its jobs: how many wait and run, how long a job takes, how full its plan is, how it ended.
/// Jobs are traced too (<see cref="Tracing"/>), one span each.
/// </summary>
public sealed class PackingMetrics : IFeatureMetrics
{
    public const string MeterName = FeatureMetrics.Prefix + ".Shipments";

    /// <summary>One span per packing job, from claim to stored plan.</summary>
    public static readonly ActivitySource Tracing = new(MeterName);

    private readonly UpDownCounter<int> running;
    private readonly Histogram<double> duration;
    private readonly Histogram<double> utilisation;
    private readonly Counter<long> finished;

    public PackingMetrics(IMeterFactory meters, IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        // The queue's length is the store's: every instance and every restart sees the same; read at most every 5 s.
        var queued = new CachedReading<int>(() => Queued(dbFactory), TimeSpan.FromSeconds(5), clock);
        meter.CreateObservableUpDownCounter("kitt.packing.jobs.queued", queued.Read, "{job}", "Shipments waiting to be packed");
        running = meter.CreateUpDownCounter<int>("kitt.packing.jobs.running", "{job}", "Packing jobs running now");
        duration = meter.CreateHistogram("kitt.packing.job.duration", "s", "Time from a job's claim to its stored plan",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120] });
        utilisation = meter.CreateHistogram("kitt.packing.utilisation", "1", "Volume utilisation of each packed plan (0 to 1)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.925, 0.95, 0.975, 1] });
        finished = meter.CreateCounter<long>("kitt.packing.jobs.finished", "{job}", "Packing jobs ended, by outcome (packed, failed, requeued)");
    }

    public void Started() => running.Add(1);

    public void Ended(string outcome, TimeSpan took, double? planUtilisation)
    {
        running.Add(-1);
        duration.Record(took.TotalSeconds, FeatureMetrics.Tag("outcome", outcome));
        finished.Add(1, FeatureMetrics.Tag("outcome", outcome));
        if (planUtilisation is { } value)
        {
            utilisation.Record(value);
        }
    }

    private static int Queued(IDbContextFactory<KittDbContext> dbFactory)
    {
        using var db = dbFactory.CreateDbContext();
        return db.Set<Shipment>().Count(s => s.Status == ShipmentStatus.Queued);
    }
}
