namespace Kitt.Dashboard.Protocol;

/// <summary>The nine message types of the KITT protocol, spelled as on the wire.</summary>
public static class KittTypes
{
    public const string ShipmentRequest = "shipment_request";
    public const string PackingResult = "packing_result";
    public const string RouteUpdate = "route_update";
    public const string WeatherAlert = "weather_alert";
    public const string TrafficUpdate = "traffic_update";
    public const string DamagePrediction = "damage_prediction";
    public const string Notification = "notification";
    public const string Error = "error";
    public const string Heartbeat = "heartbeat";

    /// <summary>Each type with the payload it carries; the parser reads a payload into exactly this class.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Payloads = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [ShipmentRequest] = typeof(ShipmentRequestPayload),
        [PackingResult] = typeof(PackingResultPayload),
        [RouteUpdate] = typeof(RouteUpdatePayload),
        [WeatherAlert] = typeof(WeatherAlertPayload),
        [TrafficUpdate] = typeof(TrafficUpdatePayload),
        [DamagePrediction] = typeof(DamagePredictionPayload),
        [Notification] = typeof(NotificationPayload),
        [Error] = typeof(ErrorPayload),
        [Heartbeat] = typeof(HeartbeatPayload),
    };
}
