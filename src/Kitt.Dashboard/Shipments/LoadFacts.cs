using System.Globalization;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// What a packed shipment comes to, one fact a line: the workbook's summary sheet and the report's cover list the
/// same facts, the one as values a spreadsheet can sum, the other as text.
/// </summary>
public static class LoadFacts
{
    public sealed record Fact(string Name, object? Value, string Text);

    public static IReadOnlyList<Fact> Of(ShipmentLoading loading)
    {
        var (d, plan) = (loading.Details, loading.Sequence.Plan);
        var c = d.Container;
        var weight = plan.Placements.Sum(p => p.WeightKg);
        var left = plan.Unplaced.Sum(u => u.Quantity);
        var centre = DamageRisk.CentreOf(plan.Placements) is var (x, y, z)
            ? Invariant($"x {x:0} cm, y {y:0} cm, z {z:0} cm (from the back wall, the left wall, the floor)")
            : null;
        var container = $"{(c.Type is { } type ? type + ": " : "")}{Invariant($"{c.Length} × {c.Width} × {c.Height} cm")}"
            + (c.MaxPayloadKg is { } payload ? Invariant($", payload {payload:0} kg") : "");
        var used = d.Plan?.ContainersUsed ?? 1;
        return
        [
            new("reference", d.Reference, d.Reference),
            new("origin", d.Origin, d.Origin),
            new("destination", d.Destination, d.Destination),
            new("priority", d.Priority, d.Priority),
            new("container", container, container),
            new("containers used", used, Invariant($"{used}")),
            new("utilisation", plan.Utilization, plan.Utilization is { } u ? Invariant($"{u * 100:0.0} %") : "—"),
            new("boxes placed", plan.Placements.Count, Invariant($"{plan.Placements.Count}")),
            new("boxes left out", left, Invariant($"{left}")),
            new("loading steps", loading.Sequence.Steps.Count, Invariant($"{loading.Sequence.Steps.Count}")),
            new("weight kg", weight, Invariant($"{weight:0.#} kg")),
            new("centre of gravity", centre, centre ?? "—"),
            new("damage risk", plan.Risk?.Score, plan.Risk is { } r ? Invariant($"{r.Score:0.#} of 100") : "—"),
            new("damage risk level", plan.Risk?.Level, plan.Risk?.Level ?? "—"),
        ];
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
