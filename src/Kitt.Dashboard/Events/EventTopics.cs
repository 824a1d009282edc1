namespace Kitt.Dashboard.Events;

/// <summary>The Kafka topics of the platform, by their default names (the outbox stores these; names map at send time).</summary>
public static class EventTopics
{
    public const string ShipmentRequests = "shipment.requests";
    public const string PackingResults = "packing.results";
    public const string RouteUpdates = "route.updates";
    public const string WeatherAlerts = "weather.alerts";
    public const string DamagePredictions = "damage.predictions";
    public const string OpsAlerts = "ops.alerts";

    /// <summary>Headers every produced message carries: its unique id (consumers handle an id once) and the instance that produced it.</summary>
    public const string EventIdHeader = "kitt-event-id";

    public const string OriginHeader = "kitt-origin";
}
