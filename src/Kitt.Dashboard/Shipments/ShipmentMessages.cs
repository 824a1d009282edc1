using Kitt.Dashboard.Equipment;
using Kitt.Dashboard.Protocol;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// Shipments as the KITT protocol carries them and back. The protocol names a box's sides width, height and depth
/// and its mass weight; the store names them length, width, height and kilograms.
/// </summary>
public static class ShipmentMessages
{
    /// <summary>The shipment as the store takes it: depth is the box's length, weight its kilograms.</summary>
    public static ShipmentRequest ToShipmentRequest(this ShipmentRequestPayload payload, string fallbackReference)
    {
        return new ShipmentRequest
        {
            Reference = string.IsNullOrWhiteSpace(payload.Reference) ? fallbackReference : payload.Reference,
            ExternalId = payload.ShipmentId,
            Origin = payload.Origin,
            Destination = payload.Destination,
            Priority = payload.Priority,
            RouteConditions = payload.RouteConditions,
            // Neither given: the default preset, as before shipments could take several.
            Container = payload.Container is { } c ? FromKitt(c)
                : payload.Containers is { Count: > 0 } ? null
                : new ContainerInput { Type = StandardEquipment.Default.Code },
            Containers = payload.Containers is { Count: > 0 } list ? [.. list.Select(k => k is null ? null : FromKitt(k))] : null,
            Items = [.. (payload.Items ?? []).Select((i, line) => new ItemInput
            {
                Sku = string.IsNullOrWhiteSpace(i?.Sku) ? ShipmentRequestPayload.UnnamedSku(line) : i.Sku,
                Length = i?.Depth ?? 0,
                Width = i?.Width ?? 0,
                Height = i?.Height ?? 0,
                WeightKg = i?.Weight ?? 0,
                Quantity = i?.Quantity,
                ThisSideUp = i?.ThisSideUp ?? false,
                Fragile = i?.Fragile ?? false,
                FloorOnly = i?.FloorOnly ?? false,
                MaxLoadKg = i?.MaxLoad,
                Stop = i?.Stop,
            })],
        };
    }

    /// <summary>A stored shipment's request as the protocol spells it, for the <c>shipment.requests</c> topic.</summary>
    public static ShipmentRequestPayload ToPayload(this ShipmentRequest request) => new()
    {
        ShipmentId = request.ExternalId,
        Reference = request.Reference,
        Origin = request.Origin,
        Destination = request.Destination,
        Priority = request.Priority,
        RouteConditions = request.RouteConditions,
        Container = request.Container?.ToKitt(),
        Containers = request.Containers is { Count: > 0 } list ? [.. list.Select(c => c?.ToKitt())] : null,
        Items = [.. (request.Items ?? []).Select(i => (KittItem?)new KittItem
        {
            Sku = i.Sku,
            Width = i.Width,
            Height = i.Height,
            Depth = i.Length,
            Weight = i.WeightKg,
            Quantity = i.Quantity,
            Fragile = i.Fragile,
            ThisSideUp = i.ThisSideUp,
            FloorOnly = i.FloorOnly,
            MaxLoad = i.MaxLoadKg,
            Stop = i.Stop,
        })],
    };

    public static KittContainer ToKitt(this ContainerInput c) => new()
    {
        Type = c.Type, Width = c.Width, Height = c.Height, Depth = c.Length, MaxWeight = c.MaxPayloadKg, Count = c.Count,
        Balance = c.Balance is { } b ? new KittBalance { LengthwisePercent = b.LengthwisePercent, SidewaysPercent = b.SidewaysPercent } : null,
        Axles = c.Axles is { Count: > 0 } axles ? [.. axles.Select(a => a is null ? null : new KittAxle { Position = a.PositionCm, MaxLoad = a.MaxLoadKg })] : null,
    };

    private static ContainerInput FromKitt(KittContainer c) => new()
    {
        Type = c.Type, Length = c.Depth ?? 0, Width = c.Width ?? 0, Height = c.Height ?? 0, MaxPayloadKg = c.MaxWeight, Count = c.Count,
        Balance = c.Balance is { } b ? new BalanceInput { LengthwisePercent = b.LengthwisePercent, SidewaysPercent = b.SidewaysPercent } : null,
        Axles = c.Axles is { Count: > 0 } axles
            ? [.. axles.Select(a => a is null ? null : new AxleInput { PositionCm = a.Position, MaxLoadKg = a.MaxLoad })]
            : null,
    };

    public static KittContainerLoad ToKitt(this ContainerLoadView c) => new()
    {
        Index = c.Index,
        Kind = c.Kind,
        Type = c.Type,
        Width = c.Width,
        Height = c.Height,
        Depth = c.Length,
        Boxes = c.Boxes,
        Utilization = c.Utilization,
        Weight = c.WeightKg,
        CenterOfGravity = new KittPoint { X = c.CentreOfGravity.X, Y = c.CentreOfGravity.Y, Z = c.CentreOfGravity.Z },
        AxleLoads = c.AxleLoads.Count == 0 ? null : [.. c.AxleLoads.Select(a => new KittAxle { Position = a.PositionCm, Load = a.LoadKg, MaxLoad = a.MaxLoadKg })],
        BalanceProblems = [.. c.BalanceProblems],
    };

    public static DamagePredictionPayload ToPayload(this DamageRiskView risk, string dashboardId, string? externalId) => new()
    {
        ShipmentId = externalId ?? dashboardId,
        DashboardShipmentId = dashboardId,
        Score = risk.Score,
        Level = risk.Level,
        Factors = [.. risk.Factors.Select(f => new KittRiskFactor { Name = f.Name, Points = f.Points, Detail = f.Detail })],
    };
}
