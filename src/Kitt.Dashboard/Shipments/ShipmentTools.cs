using System.ComponentModel;
using Kitt.Dashboard.Mcp;
using Kitt.Dashboard.Security;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.Server;

namespace Kitt.Dashboard.Shipments;

/// <summary>The risk of a packed shipment arriving damaged, as the packing worker assessed its plan.</summary>
public sealed record DamagePrediction(long ShipmentId, string Reference, string Status, double Score, string Level, IReadOnlyList<RiskFactor> Factors);

/// <summary>Stored shipments, read as <c>GET /api/shipments/{id}</c> and its plan read them.</summary>
[McpServerToolType]
public sealed class ShipmentTools(ShipmentStore store)
{
    [McpServerTool(Name = "get_shipment_data", ReadOnly = true, OpenWorld = false)]
    [Authorize(Policy = Policies.Dispatch)]
    [Description("A stored shipment: its lines, container, status (queued, packing, packed, failed, cancelled) and, once packed, " +
        "its plan summary (utilization 0..1, placed and unplaced box counts, containers used, damage risk score).")]
    public async Task<ShipmentDetails> GetShipmentData(
        [Description("The shipment's id, as returned by POST /api/shipments.")] long shipment_id,
        CancellationToken cancellationToken)
    {
        CheckId(shipment_id);
        return await store.GetAsync(shipment_id, cancellationToken) ?? throw Missing(shipment_id);
    }

    [McpServerTool(Name = "predict_damage_risk", ReadOnly = true, OpenWorld = false)]
    [Authorize(Policy = Policies.Dispatch)]
    [Description("The damage risk of a packed shipment: a score from 0 (no concern) to 100 with its level (low, medium, high) " +
        "and the named factors that add up to it (fragile boxes under load, partial support, heavy boxes high up, " +
        "centre of gravity, route conditions, priority). Fails for a shipment that is not packed yet.")]
    public async Task<DamagePrediction> PredictDamageRisk(
        [Description("The shipment's id, as returned by POST /api/shipments.")] long shipment_id,
        CancellationToken cancellationToken)
    {
        CheckId(shipment_id);
        var plan = await store.GetPlanAsync(shipment_id, cancellationToken) ?? throw Missing(shipment_id);
        if (plan.Risk is not { } risk)
        {
            throw ToolErrors.Invalid("shipment_id",
                $"shipment {shipment_id} is {plan.Status}, not packed yet; its damage risk is known once it is packed");
        }

        return new DamagePrediction(plan.ShipmentId, plan.Reference, plan.Status, risk.Score, risk.Level, risk.Factors);
    }

    private static void CheckId(long id)
    {
        if (id < 1)
        {
            throw ToolErrors.Invalid("shipment_id", $"must be 1 or more, got {id}");
        }
    }

    private static ModelContextProtocol.McpException Missing(long id) => ToolErrors.NotFound("shipment_id", $"there is no shipment {id}");
}
