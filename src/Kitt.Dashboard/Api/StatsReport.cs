using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.Sessions;

namespace Kitt.Dashboard.Api;

public sealed record CircuitStats(int Open, int Connected);

/// <summary>The body of <c>GET /stats</c>: hub traffic per topic, circuits and API clients.</summary>
public sealed record StatsReport(
    DateTimeOffset At,
    double UptimeSeconds,
    HubStatistics Hub,
    CircuitStats Circuits,
    int ApiClients)
{
    public static StatsReport Create(ITopicHub hub, CircuitTracker circuits, TimeProvider clock, DateTimeOffset startedAt)
    {
        var now = clock.GetUtcNow();
        return new StatsReport(
            now,
            Math.Round((now - startedAt).TotalSeconds, 1),
            hub.GetStatistics(),
            new CircuitStats(circuits.OpenCircuits, circuits.ConnectedCircuits),
            ApiClients: 0);
    }
}
