using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.RouteNews;

namespace Kitt.Dashboard.Sockets;

/// <summary>
/// Translates between the protocol's road messages and the platform's <see cref="RouteEvent"/>s on <c>routes</c>.
/// News heard on a socket is passed to notifications clients as sent (every field, the sender's correlation_id) and
/// also announced on <c>routes</c> for the rest of the platform; its id starts with <see cref="SocketPrefix"/> so the
/// relay does not send it to the sockets a second time. News from elsewhere reaches the sockets through the relay.
/// </summary>
public static class SocketRouteNews
{
    public const string SocketPrefix = "ws:";

    public static bool CameFromSocket(RouteEvent e) => e.Id.StartsWith(SocketPrefix, StringComparison.Ordinal);

    public static RouteEvent? FromSocket(IKittPayload payload, DateTimeOffset at)
    {
        var id = SocketPrefix + Guid.NewGuid().ToString("N");
        return payload switch
        {
            RouteUpdatePayload route => new RouteEvent(id, RouteEventKind.RouteUpdate, route.RouteId!, route.Status switch
            {
                "blocked" => "error",
                "delayed" or "rerouted" => "warning",
                _ => "info",
            }, route.Message ?? $"route {route.Status!.Replace('_', ' ')}", at, route.DelayMinutes),
            WeatherAlertPayload weather => new RouteEvent(id, RouteEventKind.WeatherAlert, weather.Region!, weather.Severity!,
                Join(weather.Condition!, weather.Message), at),
            TrafficUpdatePayload traffic => new RouteEvent(id, RouteEventKind.TrafficUpdate, traffic.Road!, traffic.Congestion switch
            {
                "standstill" => "error",
                "heavy" => "warning",
                _ => "info",
            }, Join(traffic.Congestion + " traffic", traffic.Message), at, traffic.DelayMinutes),
            _ => null,
        };
    }

    /// <summary>The message notifications clients get for news that did not come from a socket.</summary>
    public static (string Type, IKittPayload Payload) ToMessage(RouteEvent e) => e.Kind switch
    {
        RouteEventKind.WeatherAlert => (KittTypes.WeatherAlert,
            new WeatherAlertPayload { Region = e.Route, Severity = e.Severity, Condition = e.Message }),
        RouteEventKind.TrafficUpdate => (KittTypes.TrafficUpdate,
            new TrafficUpdatePayload { Road = e.Route, DelayMinutes = e.DelayMinutes, Message = e.Message }),
        _ => (KittTypes.RouteUpdate,
            new RouteUpdatePayload { RouteId = e.Route, DelayMinutes = e.DelayMinutes, Message = e.Message }),
    };

    private static string Join(string what, string? message) => string.IsNullOrWhiteSpace(message) ? what : $"{what}: {message}";
}
