namespace Kitt.Dashboard.Shipments;

/// <summary>The body of <c>201 Created</c> for a new shipment; <c>Location</c> names it too.</summary>
public sealed record ShipmentCreated(long Id);

/// <summary>The body of <c>GET /api/shipments</c>: the latest shipments, newest first.</summary>
public sealed record ShipmentList(IReadOnlyList<ShipmentSummary> Items);

/// <summary>A shipment's status right after it was queued for packing or cancelled.</summary>
public sealed record ShipmentStatusChange(long Id, string Status);
