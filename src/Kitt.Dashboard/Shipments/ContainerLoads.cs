using Kitt.Packing;

namespace Kitt.Dashboard.Shipments;

/// <summary>The engine's per-container figures with each container's kind and sizes beside them.</summary>
public static class ContainerLoads
{
    public static IReadOnlyList<ContainerLoadView> Of(PackingResult result, IReadOnlyList<ContainerInput> kinds) =>
        [.. result.Containers.Select(c =>
        {
            var kind = kinds[c.TypeIndex];
            var g = c.CenterOfGravity;
            return new ContainerLoadView(c.Index, c.TypeIndex, kind.Type, kind.Length, kind.Width, kind.Height, kind.MaxPayloadKg,
                c.BoxCount, c.Utilization, Math.Round(c.WeightKg, 3), new PointView(Math.Round(g.X, 1), Math.Round(g.Y, 1), Math.Round(g.Z, 1)))
            {
                AxleLoads = c.AxleLoads,
                BalanceProblems = c.BalanceProblems,
                Balance = kind.ToContainerType().Balance,
            };
        })];
}
