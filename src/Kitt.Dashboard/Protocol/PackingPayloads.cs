namespace Kitt.Dashboard.Protocol;

/// <summary><c>packing_result</c>: the outcome of packing one shipment.</summary>
public sealed class PackingResultPayload : IKittPayload
{
    /// <summary>The requester's own id of the shipment when it sent one, otherwise the dashboard's id.</summary>
    public string? ShipmentId { get; set; }

    /// <summary>The dashboard's id of the shipment, as <c>GET /api/shipments/{id}</c> knows it.</summary>
    public string? DashboardShipmentId { get; set; }

    public string? Reference { get; set; }

    public string? Status { get; set; }

    /// <summary>Share of the containers' volume filled, 0 to 1.</summary>
    public double? Utilization { get; set; }

    public int? Placed { get; set; }

    public int? Unplaced { get; set; }

    public int? ContainersUsed { get; set; }

    /// <summary>The first container kind asked for.</summary>
    public KittContainer? Container { get; set; }

    /// <summary>Each container used, in load order.</summary>
    public List<KittContainerLoad>? Containers { get; set; }

    public string? Reason { get; set; }

    public void Validate(PayloadCheck check)
    {
        check.Required(ShipmentId, "shipment_id", 64);
        check.OneOf(Status, "status", [ShipmentStatus.Queued, ShipmentStatus.Packed, ShipmentStatus.Failed, ShipmentStatus.Cancelled]);
        check.Between(Utilization, "utilization", 0, 1, required: false);
        check.NotNegative(Placed, "placed");
        check.NotNegative(Unplaced, "unplaced");
        check.NotNegative(ContainersUsed, "containers_used");
        check.Optional(Reason, "reason");
    }
}

/// <summary><c>damage_prediction</c>: how likely a packed shipment is to arrive damaged, and why.</summary>
public sealed class DamagePredictionPayload : IKittPayload
{
    /// <summary>The requester's own id of the shipment when it sent one, otherwise the dashboard's id.</summary>
    public string? ShipmentId { get; set; }

    /// <summary>The dashboard's id of the shipment.</summary>
    public string? DashboardShipmentId { get; set; }

    /// <summary>0 (no concern) to 100.</summary>
    public double? Score { get; set; }

    public string? Level { get; set; }

    public List<KittRiskFactor>? Factors { get; set; }

    public void Validate(PayloadCheck check)
    {
        check.Required(ShipmentId, "shipment_id", 64);
        check.Between(Score, "score", 0, 100);
        check.OneOf(Level, "level", ["low", "medium", "high"]);
        for (var i = 0; i < (Factors?.Count ?? 0); i++)
        {
            check.Required(Factors![i]?.Name, $"factors[{i}].name");
        }
    }
}

public sealed class KittRiskFactor
{
    public string? Name { get; set; }

    public double? Points { get; set; }

    public string? Detail { get; set; }
}
