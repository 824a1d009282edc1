using Kitt.Dashboard.Shipments;

namespace Kitt.Dashboard.Events;

/// <summary>The payload of <c>packing_result</c>: a shipment's packing outcome.</summary>
public sealed record PackingResultPayload(
    string ShipmentId,
    string Reference,
    string Status,
    double? Utilization = null,
    int? ContainersUsed = null,
    int? PlacedBoxes = null,
    int? UnplacedBoxes = null,
    string? Reason = null);

/// <summary>The payload of <c>damage_prediction</c>: the risk score of a packed shipment and what adds to it.</summary>
public sealed record DamagePredictionPayload(string ShipmentId, string Reference, double RiskScore, IReadOnlyList<RiskFactor> Factors);
