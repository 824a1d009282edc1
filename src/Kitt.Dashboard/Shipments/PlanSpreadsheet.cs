using MiniExcelLibs;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// A packed plan as an .xlsx workbook for those who plan in spreadsheets: a "Steps" sheet with each loading step's
/// row followed by its boxes' rows, in load order, and a "Summary" sheet of the shipment and the plan.
/// </summary>
public static class PlanSpreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(ShipmentLoading loading)
    {
        var sheets = new Dictionary<string, object>
        {
            ["Steps"] = StepRows(loading.Sequence),
            ["Summary"] = SummaryRows(loading),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> StepRows(LoadingSequence sequence)
    {
        var rows = new List<Dictionary<string, object?>>();
        foreach (var step in sequence.Steps)
        {
            rows.Add(Row(step.Number, null, step.Container, step.Sku, step.Summary, step.X, step.Y, step.Z, step.Length, step.Width, step.Height,
                step.Orientation, step.WeightKg, step.LoadedKg, null, step.Fragile));
            rows.AddRange(step.Boxes.Select(b => Row(step.Number, b.Sequence, b.Container, b.Sku, null, b.X, b.Y, b.Z, b.Length, b.Width, b.Height,
                b.Orientation, b.WeightKg, b.LoadedKg, b.Stop, b.Fragile)));
        }

        return rows;
    }

    // Column names are the sheet's header row; a step's row leaves "box" empty, a box's row leaves "step description" empty.
    private static Dictionary<string, object?> Row(int step, int? box, int container, string sku, string? description, double x, double y, double z,
        double length, double width, double height, string orientation, double weightKg, double loadedKg, int? stop, bool fragile) => new()
    {
        ["step"] = step,
        ["box"] = box,
        ["container"] = container + 1,
        ["sku"] = sku,
        ["step description"] = description,
        ["x"] = x,
        ["y"] = y,
        ["z"] = z,
        ["length"] = length,
        ["width"] = width,
        ["height"] = height,
        ["orientation"] = orientation,
        ["weightKg"] = weightKg,
        ["loadedKg"] = loadedKg,
        ["stop"] = stop,
        ["fragile"] = fragile ? "yes" : "no",
    };

    private static List<Dictionary<string, object?>> SummaryRows(ShipmentLoading loading)
    {
        var plan = loading.Sequence.Plan;
        List<(string, object?)> facts =
        [
            .. LoadFacts.Of(loading).Select(f => (f.Name, f.Value)),
            .. (plan.Risk?.Factors ?? []).Select(f => ($"risk factor: {f.Name}", (object?)$"+{f.Points:0.#}: {f.Detail}")),
            .. plan.Unplaced.Select(u => ($"left out: {u.Sku}", (object?)$"{u.Quantity} ({u.Reason})")),
        ];
        return [.. facts.Select(f => new Dictionary<string, object?> { ["item"] = f.Item1, ["value"] = f.Item2 })];
    }
}
