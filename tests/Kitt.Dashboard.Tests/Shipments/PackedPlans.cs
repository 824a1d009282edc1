using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Shipments;
using Kitt.Packing;
using Kitt.Packing.Benchmarks;

namespace Kitt.Dashboard.Tests.Shipments;

/// <summary>Plans as the worker stores them, packed by the real engine or laid out by hand, for the steps' tests.</summary>
public static class PackedPlans
{
    public static (PlanView Plan, IReadOnlyList<ItemInput> Items) Pack(BrInstance instance, TimeSpan budget)
    {
        var request = instance.ToRequest();
        var result = Packer.Pack(request, new PackingOptions { TimeLimit = budget });
        var items = request.Items.Select(i => new ItemInput
        {
            Sku = i.Id, Length = i.Length, Width = i.Width, Height = i.Height, WeightKg = 10, Quantity = i.Quantity,
            ThisSideUp = i.AllowedVertical == VerticalAxes.Height,
        }).ToList();
        var container = new ContainerInput { Length = instance.Length, Width = instance.Width, Height = instance.Height };
        return (Plan(container, [.. result.Placements.Select(p =>
            new PlacementView(p.ItemId, p.X, p.Y, p.Z, p.Dx, p.Dy, p.Dz, p.Sequence, p.ContainerIndex, p.ItemIndex, 10, false, null, p.SupportFraction))]), items);
    }

    public static PlanView Plan(ContainerInput container, IReadOnlyList<PlacementView> placements) =>
        new(1, "STEPS-1", ShipmentStatus.Packed, 0.5, container, placements, [], null);

    /// <summary>Boxes of one size on a grid, listed in the order given (x, y, z of each cell).</summary>
    public static IEnumerable<PlacementView> Grid(string sku, int line, double l, double w, double h, double x0, double y0, double z0,
        IEnumerable<(int I, int J, int K)> cells, int firstSequence, double kg = 10) =>
        cells.Select((c, n) => new PlacementView(sku, x0 + c.I * l, y0 + c.J * w, z0 + c.K * h, l, w, h, firstSequence + n, 0, line, kg, false, null, 1));
}
