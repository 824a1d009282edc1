using System.Text;
using Kitt.Dashboard.Hosting;
using MiniExcelLibs;

namespace Kitt.Dashboard.Items;

/// <summary>The library as files in the columns the import and the shipment form read, so an export imports back.</summary>
public static class LibraryFiles
{
    private static readonly string[] Columns = ["sku", "length", "width", "height", "weightKg", "thisSideUp", "fragile", "maxLoadKg", "floorOnly"];

    public static string Csv(IReadOnlyList<LibraryItemView> items)
    {
        var csv = new StringBuilder(CsvLine.Header(Columns)).Append('\n');
        foreach (var i in items)
        {
            csv.Append(new CsvLine().Text(i.Sku).Number(i.Length).Number(i.Width).Number(i.Height).Number(i.WeightKg)
                .Flag(i.ThisSideUp).Flag(i.Fragile).Number(i.MaxLoadKg).Flag(i.FloorOnly)).Append('\n');
        }

        return csv.ToString();
    }

    public static byte[] Workbook(IReadOnlyList<LibraryItemView> items)
    {
        var rows = items.Select(i => new Dictionary<string, object?>
        {
            [Columns[0]] = i.Sku,
            [Columns[1]] = i.Length,
            [Columns[2]] = i.Width,
            [Columns[3]] = i.Height,
            [Columns[4]] = i.WeightKg,
            [Columns[5]] = i.ThisSideUp,
            [Columns[6]] = i.Fragile,
            [Columns[7]] = i.MaxLoadKg,
            [Columns[8]] = i.FloorOnly,
        }).ToList();
        using var stream = new MemoryStream();
        // An empty library still gets its header row, so the file is a template to fill in.
        stream.SaveAs(rows.Count > 0 ? rows : [Columns.ToDictionary(c => c, _ => (object?)null)], excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
