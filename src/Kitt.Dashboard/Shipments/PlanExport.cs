using System.Text;
using Kitt.Dashboard.Hosting;

namespace Kitt.Dashboard.Shipments;

/// <summary>The plan box by box: rows of loading instructions with the weight loaded so far, and the CSV export.</summary>
public static class PlanExport
{
    /// <summary>One box of the loading instructions, as oriented, with the container's weight once it is in.</summary>
    public sealed record BoxRow(int Sequence, int Container, string Sku, double X, double Y, double Z, double Length, double Width,
        double Height, string Orientation, double WeightKg, double LoadedKg, bool Fragile, int? Stop);

    public static BoxRow Row(PlacementView p, IReadOnlyList<ItemInput> items, double loadedKg)
    {
        var item = p.Line < items.Count ? items[p.Line] : null;
        return new BoxRow(p.Sequence, p.Container, p.Sku, p.X, p.Y, p.Z, p.Length, p.Width, p.Height,
            item is null ? "" : Orientation(item, p), p.WeightKg, loadedKg, p.Fragile, p.Stop);
    }

    /// <summary>Which of the item's own sides stands up, and whether it is turned on the floor.</summary>
    public static string Orientation(ItemInput item, PlacementView p)
    {
        const double tolerance = 0.05;
        var up = Math.Abs(p.Height - item.Height) < tolerance ? "upright"
            : Math.Abs(p.Height - item.Width) < tolerance ? "on its side"
            : "on its end";
        var turned = up == "upright" && Math.Abs(p.Length - item.Length) >= tolerance ? ", turned 90°" : "";
        return up + turned;
    }

    public static string Csv(PlanView plan)
    {
        var csv = new StringBuilder(CsvLine.Header("sequence", "container", "sku", "x", "y", "z", "length", "width", "height", "weightKg", "stop", "fragile"))
            .Append('\n');
        foreach (var p in plan.Placements)
        {
            csv.Append(new CsvLine()
                .Number(p.Sequence).Number(p.Container).Text(p.Sku)
                .Number(p.X).Number(p.Y).Number(p.Z).Number(p.Length).Number(p.Width).Number(p.Height)
                .Number(p.WeightKg).Number(p.Stop).Flag(p.Fragile)
                .ToString()).Append('\n');
        }

        return csv.ToString();
    }
}
