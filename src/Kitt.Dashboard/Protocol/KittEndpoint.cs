namespace Kitt.Dashboard.Protocol;

/// <summary>
/// One of the three sockets and the types a client may send on it, as the original protocol has them. What the
/// server sends on an endpoint is not limited by this list (packing clients receive results they never send).
/// </summary>
public sealed record KittEndpoint(string Name, string Path, IReadOnlyList<string> Accepts)
{
    public static readonly KittEndpoint Freight = new(
        "freight", "/ws/freight",
        [KittTypes.ShipmentRequest, KittTypes.RouteUpdate, KittTypes.Heartbeat]);

    public static readonly KittEndpoint Packing = new(
        "packing", "/ws/packing",
        [KittTypes.PackingResult, KittTypes.DamagePrediction, KittTypes.Heartbeat]);

    // error is the server's answer to a client, never a client's to send.
    public static readonly KittEndpoint Notifications = new(
        "notifications", "/ws/notifications",
        [KittTypes.Notification, KittTypes.WeatherAlert, KittTypes.TrafficUpdate, KittTypes.Heartbeat]);

    public static readonly IReadOnlyList<KittEndpoint> All = [Freight, Packing, Notifications];

    public bool Allows(string type) => Accepts.Contains(type, StringComparer.Ordinal);
}
