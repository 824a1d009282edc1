using System.Globalization;
using System.Text.Json;
using nietras.SeparatedValues;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// Reads items pasted into the new-shipment form: a JSON array of items (or a shipment with <c>items</c>), or CSV
/// with a header naming the columns (<c>sku,length,width,height,weightKg,quantity,thisSideUp,fragile,maxLoadKg,stop,floorOnly</c>,
/// any order, only sku and the dimensions required), separated by ',', ';' or tabs as its header shows, decimals with a
/// comma in ';' and tab files. Problems name the row and column.
/// </summary>
public static class ItemImport
{
    public static readonly IReadOnlyList<string> Columns =
        ["sku", "length", "width", "height", "weightKg", "quantity", "thisSideUp", "fragile", "maxLoadKg", "stop", "floorOnly"];

    public sealed record Result(IReadOnlyList<ItemInput> Items, IReadOnlyList<string> Errors);

    public static Result Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return new([], ["nothing to import: paste CSV with a header line or a JSON array of items"]);
        }

        return trimmed[0] is '[' or '{' ? Json(trimmed) : Csv(trimmed);
    }

    private static Result Json(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var array = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("items", out var items)
                ? items
                : document.RootElement;
            if (array.ValueKind != JsonValueKind.Array)
            {
                return new([], ["JSON must be an array of items or an object with an \"items\" array"]);
            }

            var parsed = array.Deserialize<List<ItemInput?>>(ShipmentStore.Json) ?? [];
            var empty = parsed.FindIndex(i => i is null);
            return empty >= 0
                ? new([], [$"JSON: [{empty}] is empty; every item needs sku, length, width and height"])
                : new([.. parsed.OfType<ItemInput>()], []);
        }
        catch (JsonException ex)
        {
            return new([], [$"JSON: {Hosting.JsonBody.FieldOf(ex.Path)} is not valid (line {(ex.LineNumber ?? 0) + 1})"]);
        }
    }

    private static Result Csv(string text)
    {
        // One separator, found in the header (',', ';' or tab); quoted cells may hold separators, quotes and line breaks.
        SepReader reader;
        try
        {
            reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).FromText(text);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or NotSupportedException)
        {
            return new([], [$"row 1: the header cannot be read: {ex.Message}"]);
        }

        using (reader)
        {
            var separator = reader.Spec.Sep.Separator;
            var header = reader.Header.ColNames;
            var (index, errors) = Header(header);
            if (errors.Count > 0)
            {
                return new([], errors);
            }

            // Spreadsheets that separate with ';' or tabs write decimals with a comma (120,5).
            var decimalComma = separator != ',';
            var items = new List<ItemInput>();
            foreach (var row in reader)
            {
                // A spreadsheet's row number: the header is row 1.
                var at = new Cells(row.RowIndex + 1, decimalComma, errors);
                var cells = new string?[Columns.Count];
                for (var c = 0; c < Columns.Count; c++)
                {
                    cells[c] = index.TryGetValue(Columns[c], out var i) && i < row.ColCount && row[i].Span.Length > 0 ? row[i].ToString() : null;
                }

                if (row.ColCount > header.Count)
                {
                    errors.Add($"row {at.Row}: {row.ColCount} cells, the header has {header.Count}");
                    continue;
                }

                if (cells.All(c => c is null))
                {
                    continue;
                }

                if (cells.Any(c => c?.Contains('\n', StringComparison.Ordinal) == true) && row.ColCount < header.Count)
                {
                    errors.Add($"row {at.Row}: a quoted cell is not closed");
                    continue;
                }

                items.Add(at.Item(cells));
            }

            return errors.Count > 0 ? new([], errors) : new(items, []);
        }
    }

    /// <summary>Where each known column is in a header row, or what is wrong with the header (row 1).</summary>
    /// <param name="columnName">How the file names a column by its index: 1, 2, … in text, A, B, … in a spreadsheet.</param>
    internal static (Dictionary<string, int> Index, List<string> Errors) Header(IReadOnlyList<string> header, Func<int, string>? columnName = null)
    {
        columnName ??= i => (i + 1).ToString(CultureInfo.InvariantCulture);
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = Columns.FirstOrDefault(c => c.Equals(header[i], StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                errors.Add($"row 1, column {columnName(i)}: unknown column '{header[i]}' (known: {string.Join(", ", Columns)})");
            }
            else
            {
                index[name] = i;
            }
        }

        foreach (var required in Columns.Take(4).Where(c => !index.ContainsKey(c)))
        {
            errors.Add($"row 1: the header needs a '{required}' column");
        }

        return (index, errors);
    }

    /// <summary>Reads the cells of one row, naming the row and the column of each problem.</summary>
    internal sealed class Cells(int row, bool decimalComma, List<string> errors)
    {
        public int Row => row;

        /// <summary>The item of a row whose cells are in <see cref="Columns"/> order, null where left empty.</summary>
        public ItemInput Item(IReadOnlyList<string?> cells) => new()
        {
            Sku = cells[0],
            Length = Number(cells[1], "length") ?? 0,
            Width = Number(cells[2], "width") ?? 0,
            Height = Number(cells[3], "height") ?? 0,
            WeightKg = Number(cells[4], "weightKg") ?? 0,
            Quantity = (int?)Number(cells[5], "quantity"),
            ThisSideUp = Flag(cells[6], "thisSideUp"),
            Fragile = Flag(cells[7], "fragile"),
            MaxLoadKg = Number(cells[8], "maxLoadKg"),
            Stop = (int?)Number(cells[9], "stop"),
            FloorOnly = Flag(cells[10], "floorOnly"),
        };

        public double? Number(string? cell, string column)
        {
            if (cell is null)
            {
                return null;
            }

            var text = decimalComma && !cell.Contains('.', StringComparison.Ordinal) ? cell.Replace(',', '.') : cell;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors.Add($"row {row}, column {column}: '{cell}' is not a number");
            return null;
        }

        public bool Flag(string? cell, string column)
        {
            switch (cell?.ToLowerInvariant())
            {
                case null or "false" or "0" or "no" or "n":
                    return false;
                case "true" or "1" or "yes" or "y" or "x":
                    return true;
                default:
                    errors.Add($"row {row}, column {column}: '{cell}' is not yes/no");
                    return false;
            }
        }
    }
}
