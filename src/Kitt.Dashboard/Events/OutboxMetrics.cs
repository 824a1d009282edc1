using System.Diagnostics;
using System.Diagnostics.Metrics;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Events;

/// <summary>
/// The outbox and the relay: events waiting for the broker, events relayed, events the broker refused. The relay's
/// batches and each consumed event are traced (<see cref="Tracing"/>).
/// </summary>
public sealed class OutboxMetrics : IFeatureMetrics
{
    public const string MeterName = FeatureMetrics.Prefix + ".Events";

    /// <summary>A span per relayed batch and per consumed event.</summary>
    public static readonly ActivitySource Tracing = new(MeterName);

    private readonly Counter<long> relayed;
    private readonly Counter<long> failures;
    private readonly Counter<long> consumed;

    public OutboxMetrics(IMeterFactory meters, IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        // A filtered index holds exactly the waiting rows, so the count stays cheap when the broker has been down long.
        var waiting = new CachedReading<int>(() => Waiting(dbFactory), TimeSpan.FromSeconds(5), clock);
        meter.CreateObservableUpDownCounter("kitt.outbox.waiting", waiting.Read, "{event}", "Events written but not yet acknowledged by the broker");
        relayed = meter.CreateCounter<long>("kitt.outbox.relayed", "{event}", "Events the broker acknowledged");
        failures = meter.CreateCounter<long>("kitt.outbox.relay.failures", "{event}", "Events the broker did not acknowledge (each retried later)");
        consumed = meter.CreateCounter<long>("kitt.events.consumed", "{event}", "Events consumed from the broker, by outcome");
    }

    public void Relayed(int acknowledged, int refused)
    {
        relayed.Add(acknowledged);
        failures.Add(refused);
    }

    public void Consumed(string outcome) => consumed.Add(1, FeatureMetrics.Tag("outcome", outcome));

    private static int Waiting(IDbContextFactory<KittDbContext> dbFactory)
    {
        using var db = dbFactory.CreateDbContext();
        return db.Outbox.Count(e => e.SentAt == null);
    }
}
