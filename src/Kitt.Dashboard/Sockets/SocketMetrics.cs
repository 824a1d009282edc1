using System.Diagnostics.Metrics;
using Kitt.Dashboard.Hosting;

namespace Kitt.Dashboard.Sockets;

/// <summary>The KITT WebSocket clients: connections per endpoint, messages both ways, drops and closes by reason.</summary>
public sealed class SocketMetrics : IFeatureMetrics
{
    public const string MeterName = FeatureMetrics.Prefix + ".Sockets";

    public SocketMetrics(IMeterFactory meters, KittConnections connections, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        var stats = new CachedReading<KittStats>(connections.Statistics, TimeSpan.FromSeconds(1), clock);
        meter.CreateObservableUpDownCounter("kitt.sockets.connections",
            () => stats.Read().ConnectionsByEndpoint.Select(e => new Measurement<int>(e.Value, FeatureMetrics.Tag("endpoint", e.Key))),
            "{connection}", "Connected clients per endpoint");
        meter.CreateObservableUpDownCounter("kitt.sockets.queued", () => stats.Read().QueuedMessages, "{message}",
            "Messages waiting in the clients' send queues");
        meter.CreateObservableCounter("kitt.sockets.messages.received", () => stats.Read().MessagesReceived, "{message}", "Messages received from clients");
        meter.CreateObservableCounter("kitt.sockets.messages.sent", () => stats.Read().MessagesSent, "{message}", "Messages sent to clients");
        meter.CreateObservableCounter("kitt.sockets.errors.sent", () => stats.Read().ErrorsSent, "{message}", "Error messages sent to clients");
        meter.CreateObservableCounter("kitt.sockets.closed", () => Closed(stats.Read()), "{connection}",
            "Connections the dashboard closed, by reason");
    }

    private static IEnumerable<Measurement<long>> Closed(KittStats stats) =>
    [
        new(stats.DroppedSlowClients, FeatureMetrics.Tag("reason", "slow")),
        new(stats.ClosedSilent, FeatureMetrics.Tag("reason", "silent")),
        new(stats.ClosedAbusive, FeatureMetrics.Tag("reason", "abusive")),
        new(stats.Replaced, FeatureMetrics.Tag("reason", "replaced")),
    ];
}
