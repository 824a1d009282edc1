using System.Diagnostics.Metrics;
using Kitt.Dashboard.Hosting;

namespace Kitt.Dashboard.Realtime;

/// <summary>The hub's traffic per topic, as <c>/stats</c> shows it: published, delivered, superseded, dropped.</summary>
public sealed class HubMetrics : IFeatureMetrics
{
    public const string MeterName = FeatureMetrics.Prefix + ".Realtime";

    public HubMetrics(IMeterFactory meters, ITopicHub hub, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        var stats = new CachedReading<HubStatistics>(hub.GetStatistics, TimeSpan.FromSeconds(1), clock);
        meter.CreateObservableCounter("kitt.hub.published", () => PerTopic(stats.Read(), t => t.Published), "{update}", "Updates published to the topic");
        meter.CreateObservableCounter("kitt.hub.delivered", () => PerTopic(stats.Read(), t => t.Delivered), "{update}", "Updates handed to a subscriber");
        meter.CreateObservableCounter("kitt.hub.superseded", () => PerTopic(stats.Read(), t => t.Superseded), "{update}",
            "Snapshot updates replaced by a newer one before a slow subscriber read them");
        meter.CreateObservableCounter("kitt.hub.dropped", () => PerTopic(stats.Read(), t => t.Dropped), "{update}",
            "Event updates dropped because a subscriber's queue was full");
        meter.CreateObservableCounter("kitt.hub.handler_faults", () => PerTopic(stats.Read(), t => t.HandlerFaults), "{fault}",
            "Subscriber handlers that threw");
        meter.CreateObservableUpDownCounter("kitt.hub.subscriptions", () => PerTopic(stats.Read(), t => t.Subscriptions), "{subscription}",
            "Open subscriptions to the topic");
    }

    private static IEnumerable<Measurement<long>> PerTopic(HubStatistics stats, Func<TopicStatistics, long> value) =>
        stats.Topics.Select(t => new Measurement<long>(value(t), FeatureMetrics.Tag("topic", t.Topic)));
}
