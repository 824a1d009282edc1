namespace Kitt.Dashboard.Shipments;

/// <summary>Progress or outcome of a packing job, published on the <c>packing</c> topic.</summary>
public sealed record PackingEvent(
    string ShipmentId,
    string Reference,
    string Status,
    double? Utilization,
    DateTimeOffset At);
