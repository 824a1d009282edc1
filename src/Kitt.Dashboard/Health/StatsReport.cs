using System.Text.Json.Serialization;
using Kitt.Dashboard.Sockets;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.Sessions;

namespace Kitt.Dashboard.Health;

public sealed record CircuitStats(int Open, int Connected);

/// <summary>
/// The body of <c>GET /stats</c>: hub traffic per topic, browser circuits, and the KITT WebSocket clients
/// (<c>apiClients</c> is their count, <c>kitt</c> the details in the protocol's own snake_case). The original KITT
/// server's three keys stand at the top level too, as its clients read them.
/// </summary>
public sealed record StatsReport(
    DateTimeOffset At,
    double UptimeSeconds,
    HubStatistics Hub,
    CircuitStats Circuits,
    int ApiClients,
    KittStats Kitt)
{
    [JsonPropertyName("total_connections")]
    public int TotalConnections => Kitt.TotalConnections;

    [JsonPropertyName("connections_by_endpoint")]
    public IReadOnlyDictionary<string, int> ConnectionsByEndpoint => Kitt.ConnectionsByEndpoint;

    [JsonPropertyName("connection_details")]
    public IReadOnlyList<KittConnectionDetail> ConnectionDetails => Kitt.ConnectionDetails;

    public static StatsReport Create(ITopicHub hub, CircuitTracker circuits, KittConnections sockets, TimeProvider clock, DateTimeOffset startedAt)
    {
        var now = clock.GetUtcNow();
        var kitt = sockets.Statistics();
        return new StatsReport(
            now,
            Math.Round((now - startedAt).TotalSeconds, 1),
            hub.GetStatistics(),
            new CircuitStats(circuits.OpenCircuits, circuits.ConnectedCircuits),
            kitt.TotalConnections,
            kitt);
    }
}
