using Kitt.Dashboard.Protocol;

namespace Kitt.Dashboard.Shipments;

/// <summary>A shipment a dispatcher sends for packing, with the containers it goes into. Dimensions in cm, weights in kg.</summary>
public sealed class Shipment
{
    public long Id { get; set; }

    public required string Reference { get; set; }

    /// <summary>
    /// The id the client system that sent the shipment knows it by (the KITT protocol's <c>shipment_id</c>), unique
    /// per client (<see cref="CreatedBy"/>); results about the shipment carry it back. Null when none was sent.
    /// </summary>
    public string? ExternalId { get; set; }

    public required string Origin { get; set; }

    public required string Destination { get; set; }

    public string Priority { get; set; } = ShipmentPriority.Normal;

    /// <summary>Road conditions on the route when known (<c>good</c>, <c>fair</c>, <c>poor</c>); they weigh on the damage risk.</summary>
    public string? RouteConditions { get; set; }

    public string Status { get; set; } = ShipmentStatus.Queued;

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>How often packing started; a job interrupted by restarts too often fails instead of looping.</summary>
    public int Attempts { get; set; }

    /// <summary>The instance packing it (<see cref="Data.Leases.InstanceIdentity.Holder"/>), while it is <c>packing</c>.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>
    /// Until when the claim holds: the packing instance extends it while it works, and once it lapsed (the instance
    /// died) another instance takes the job up.
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>Why packing failed or was cancelled, in words a dispatcher can act on.</summary>
    public string? Error { get; set; }

    public List<ShipmentItem> Items { get; set; } = [];

    /// <summary>The container kinds to fill, in order (<see cref="ShipmentContainer.Line"/>).</summary>
    public List<ShipmentContainer> Containers { get; set; } = [];

    public PackingPlan? Plan { get; set; }

    public int BoxCount => Items.Sum(i => i.Quantity);
}

/// <summary>One line of a shipment: <see cref="Quantity"/> identical boxes.</summary>
public sealed class ShipmentItem
{
    public long Id { get; set; }

    public long ShipmentId { get; set; }

    /// <summary>Position in the shipment as entered, so plans and errors refer to the same line (<c>items[3]</c>).</summary>
    public int Line { get; set; }

    public required string Sku { get; set; }

    public double Length { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }

    public double WeightKg { get; set; }

    public int Quantity { get; set; } = 1;

    public bool ThisSideUp { get; set; }

    public bool Fragile { get; set; }

    public bool FloorOnly { get; set; }

    public double? MaxLoadKg { get; set; }

    public int? Stop { get; set; }
}

/// <summary>A kind of container a shipment may be loaded into, filled after those before it.</summary>
public sealed class ShipmentContainer
{
    public long Id { get; set; }

    public long ShipmentId { get; set; }

    /// <summary>Position among the shipment's kinds, from 0: the order they are filled in and errors name.</summary>
    public int Line { get; set; }

    /// <summary>The equipment's code when the shipment named one (<c>40HC</c>); its sizes are copied beside it.</summary>
    public string? Type { get; set; }

    public double Length { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }

    public double? MaxPayloadKg { get; set; }

    /// <summary>How many may be used; null: as many as the boxes need.</summary>
    public int? Count { get; set; }

    /// <summary>The balance window's share of the length either side of the middle, % ; null: the default.</summary>
    public double? BalanceLengthwisePercent { get; set; }

    /// <summary>The balance window's share of the width either side of the middle, % ; null: the default.</summary>
    public double? BalanceSidewaysPercent { get; set; }

    /// <summary>The vehicle's axle groups as JSON (<see cref="AxleInput"/> list); empty when none were given.</summary>
    public string AxlesJson { get; set; } = "[]";
}
