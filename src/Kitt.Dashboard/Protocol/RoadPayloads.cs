namespace Kitt.Dashboard.Protocol;

/// <summary><c>route_update</c>: a truck's progress on a route, relayed to notifications clients.</summary>
public sealed class RouteUpdatePayload : IKittPayload
{
    public string? RouteId { get; set; }

    public string? ShipmentId { get; set; }

    public string? Status { get; set; }

    public DateTimeOffset? Eta { get; set; }

    public double? DelayMinutes { get; set; }

    public string? Message { get; set; }

    public void Validate(PayloadCheck check)
    {
        check.Required(RouteId, "route_id");
        check.Optional(ShipmentId, "shipment_id", 64);
        check.OneOf(Status, "status", KittLevels.RouteStatuses);
        check.NotNegative(DelayMinutes, "delay_minutes");
        check.Optional(Message, "message");
    }
}

/// <summary><c>weather_alert</c>: weather that may hold up or damage freight in a region.</summary>
public sealed class WeatherAlertPayload : IKittPayload
{
    public string? Region { get; set; }

    public string? Condition { get; set; }

    public string? Severity { get; set; }

    public DateTimeOffset? ValidUntil { get; set; }

    public string? Message { get; set; }

    public void Validate(PayloadCheck check)
    {
        check.Required(Region, "region");
        check.Required(Condition, "condition");
        check.OneOf(Severity, "severity", KittLevels.Severities);
        check.Optional(Message, "message");
    }
}

/// <summary><c>traffic_update</c>: congestion on a road or a route.</summary>
public sealed class TrafficUpdatePayload : IKittPayload
{
    public string? Road { get; set; }

    public string? RouteId { get; set; }

    public string? Congestion { get; set; }

    public double? DelayMinutes { get; set; }

    public string? Message { get; set; }

    public void Validate(PayloadCheck check)
    {
        check.Required(Road, "road");
        check.Optional(RouteId, "route_id", 256);
        check.OneOf(Congestion, "congestion", KittLevels.Congestion);
        check.NotNegative(DelayMinutes, "delay_minutes");
        check.Optional(Message, "message");
    }
}
