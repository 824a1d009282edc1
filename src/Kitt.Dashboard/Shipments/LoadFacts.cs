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
        var weight = plan.Placements.Sum(p => p.WeightKg);
        var left = plan.Unplaced.Sum(u => u.Quantity);
        var container = string.Join("; then ", d.Containers.Select(ContainerText.Kind));
        var used = d.Plan?.ContainersUsed ?? 1;
        // Each container's centre apart: one averaged over several containers would lie in none of them.
        var centres = Enumerable.Range(0, loading.Sequence.Containers)
            .Select(i => (Index: i, Centre: DamageRisk.CentreOf([.. plan.Placements.Where(p => p.Container == i)])))
            .Where(c => c.Centre is not null)
            .Select(c => (loading.Sequence.Containers > 1 ? $"container {c.Index + 1}: " : "") +
                         Invariant($"x {c.Centre!.Value.X:0} cm, y {c.Centre.Value.Y:0} cm, z {c.Centre.Value.Z:0} cm"))
            .ToList();
        var centre = centres.Count == 0 ? null : string.Join("; ", centres) + " (from the back wall, the left wall, the floor)";
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
