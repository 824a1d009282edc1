using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.RouteNews;

/// <summary>The kinds of road news the platform hears from freight systems, named as in the KITT protocol.</summary>
public enum RouteEventKind
{
    RouteUpdate,
    WeatherAlert,
    TrafficUpdate,
}

/// <summary>
/// A piece of news about a route: a changed route, weather on it, traffic on it. Arrives from WebSocket clients,
/// Kafka or MCP, is announced on <c>routes</c>, and reaches notification clients and the route conditions.
/// </summary>
/// <param name="Id">Unique per event; consumers use it to handle a redelivered event once.</param>
/// <param name="Route">The route or region it concerns, e.g. <c>A1 Hamburg-Bremen</c>.</param>
/// <param name="Severity"><c>info</c>, <c>warning</c>, <c>error</c> or <c>critical</c>.</param>
/// <param name="DelayMinutes">Expected delay on the route, when the sender knows it.</param>
public sealed record RouteEvent(
    string Id,
    RouteEventKind Kind,
    string Route,
    string Severity,
    string Message,
    DateTimeOffset At,
    double? DelayMinutes = null)
{
    /// <summary>The live topic of route news, every one.</summary>
    public static readonly Topic<RouteEvent> Topic = Realtime.Topic.Events<RouteEvent>("routes");

    public static readonly string[] Severities = ["info", "warning", "error", "critical"];

    /// <summary>The protocol's name of the kind: <c>route_update</c>, <c>weather_alert</c>, <c>traffic_update</c>.</summary>
    public string Type => Kind switch
    {
        RouteEventKind.WeatherAlert => "weather_alert",
        RouteEventKind.TrafficUpdate => "traffic_update",
        _ => "route_update",
    };
}
