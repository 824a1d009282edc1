using Kitt.Packing;

namespace Kitt.Dashboard.Shipments;

/// <summary>The latest plan of a shipment, written by the packing worker only.</summary>
public sealed class PackingPlan
{
    public long Id { get; set; }

    public long ShipmentId { get; set; }

    /// <summary>Placed volume over the volume of the containers used, 0..1.</summary>
    public double Utilization { get; set; }

    public int ContainersUsed { get; set; }

    public double ElapsedMs { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Damage risk 0..100 (higher is worse).</summary>
    public double RiskScore { get; set; }

    /// <summary>The risk's factors as JSON (<see cref="RiskFactor"/> list), so the UI can explain the score.</summary>
    public string RiskFactorsJson { get; set; } = "[]";

    /// <summary>Boxes left out, as JSON (<see cref="UnplacedLine"/> list).</summary>
    public string UnplacedJson { get; set; } = "[]";

    /// <summary>Each container used, as JSON (<see cref="ContainerLoadView"/> list); empty for plans made before
    /// shipments could take several.</summary>
    public string ContainersJson { get; set; } = "[]";

    public List<PlanPlacement> Placements { get; set; } = [];
}

/// <summary>One box of a plan; coordinates of its minimum corner, extents as oriented, cm.</summary>
public sealed class PlanPlacement
{
    public long Id { get; set; }

    public long PlanId { get; set; }

    /// <summary>Load order within its container, from 1.</summary>
    public int Sequence { get; set; }

    public int Container { get; set; }

    /// <summary>The shipment line (<see cref="ShipmentItem.Line"/>) the box belongs to.</summary>
    public int Line { get; set; }

    public required string Sku { get; set; }

    public double X { get; set; }

    public double Y { get; set; }

    public double Z { get; set; }

    public double Length { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }

    public double SupportFraction { get; set; }
}

public sealed record UnplacedLine(string Sku, int Quantity, string Reason);

/// <summary>One contribution to a plan's damage risk, in points of the 0..100 score, with what caused it.</summary>
public sealed record RiskFactor(string Name, double Points, string Detail);

/// <summary>
/// One container of a plan, in the order they are loaded: which of the shipment's kinds it is (<c>kind</c>, from 0),
/// its inner sizes, and what it holds. The centre of gravity is in cm from the back wall, the left side and the floor.
/// </summary>
public sealed record ContainerLoadView(
    int Index,
    int Kind,
    string? Type,
    double Length,
    double Width,
    double Height,
    double? MaxPayloadKg,
    int Boxes,
    double Utilization,
    double WeightKg,
    PointView CentreOfGravity)
{
    /// <summary>The cargo weight on each axle group, when the kind gave axles.</summary>
    public IReadOnlyList<AxleLoad> AxleLoads { get; init; } = [];

    /// <summary>Why the load's balance is not as its kind asks (centre of gravity outside the window, an axle group
    /// over its limit); empty when it is.</summary>
    public IReadOnlyList<string> BalanceProblems { get; init; } = [];

    /// <summary>The window the centre of gravity was held to, % either side of the middle.</summary>
    public BalanceWindow? Balance { get; init; }

    /// <summary>Its sizes as a shipment's container.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ContainerInput Sizes => new() { Type = Type, Length = Length, Width = Width, Height = Height, MaxPayloadKg = MaxPayloadKg };
}

/// <summary>A point in a container, cm.</summary>
public sealed record PointView(double X, double Y, double Z);
