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
