using System.Globalization;

namespace Kitt.Dashboard.Shipments;

/// <summary>Containers in words, the same on the shipment page, the instructions and the share page.</summary>
public static class ContainerText
{
    /// <summary>"40HC: 1203 × 235 × 269 cm, 26500 kg": the equipment's code when it has one, its inner sizes and payload.</summary>
    public static string Sizes(ContainerInput c) => string.Create(CultureInfo.InvariantCulture,
        $"{(c.Type is { } type ? type + ": " : "")}{c.Length:0.#} × {c.Width:0.#} × {c.Height:0.#} cm{(c.MaxPayloadKg is { } kg ? $", {kg:0.#} kg" : "")}");

    /// <summary>A kind a shipment asked for: its sizes and how many may be used.</summary>
    public static string Kind(ContainerInput c) => Sizes(c) + c.Count switch
    {
        null => ", as many as needed",
        1 => "",
        { } n => string.Create(CultureInfo.InvariantCulture, $", up to {n}"),
    };

    /// <summary>What a plan is loaded into: "container 40HC: 1203 × 235 × 269 cm", or "3 containers: 2 × 40HC, 1 × 20DV".</summary>
    public static string Used(LoadingSequence sequence)
    {
        var plan = sequence.Plan;
        if (sequence.Containers <= 1)
        {
            return "container " + Sizes(plan.ContainerAt(0));
        }

        var kinds = Enumerable.Range(0, sequence.Containers).Select(plan.ContainerAt)
            .GroupBy(c => c.Type ?? string.Create(CultureInfo.InvariantCulture, $"{c.Length:0.#} × {c.Width:0.#} × {c.Height:0.#} cm"))
            .Select(g => $"{g.Count()} × {g.Key}");
        return $"{sequence.Containers} containers: {string.Join(", ", kinds)}";
    }

    /// <summary>
    /// Where a load moved off the back wall or the left side to balance its weight starts, container by container: the
    /// crew must leave that gap and brace it, or pushing the load back would undo the balance.
    /// </summary>
    public static IEnumerable<string> Gaps(LoadingSequence sequence)
    {
        var several = sequence.Containers > 1;
        foreach (var group in sequence.Plan.Placements.GroupBy(p => p.Container).OrderBy(g => g.Key))
        {
            var (x, y) = (group.Min(p => p.X), group.Min(p => p.Y));
            if (x < 1 && y < 1)
            {
                continue;
            }

            var where = string.Join(" and ", new[] { (x, "the back wall"), (y, "the left side") }.Where(g => g.Item1 >= 1)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Item1:0} cm from {g.Item2}")));
            yield return $"{(several ? $"Container {group.Key + 1}: the" : "The")} load starts {where} to balance its weight: keep the gap and brace it.";
        }
    }

    /// <summary>"Container 2 · 40HC · 212 boxes · 91.4 %": a tab's label.</summary>
    public static string Tab(ContainerLoadView c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Index + 1} · {c.Type ?? $"{c.Length:0.#}×{c.Width:0.#}×{c.Height:0.#}"} · {c.Utilization:P0}");
}
