using System.Globalization;
using System.Text.Json;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// Reads items pasted into the new-shipment form: a JSON array of items (or a shipment with <c>items</c>), or CSV
/// with a header naming the columns (<c>sku,length,width,height,weightKg,quantity,thisSideUp,fragile,maxLoadKg,stop</c>,
/// any order, only sku and the dimensions required). Problems name the line and column.
/// </summary>
public static class ItemImport
{
    public static readonly IReadOnlyList<string> Columns =
        ["sku", "length", "width", "height", "weightKg", "quantity", "thisSideUp", "fragile", "maxLoadKg", "stop"];

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
            return new([], [$"JSON: {ShipmentEndpoints.FieldOf(ex.Path)} is not valid (line {(ex.LineNumber ?? 0) + 1})"]);
        }
    }

    private static Result Csv(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = Split(lines[0]).Select(h => h.Trim()).ToList();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = Columns.FirstOrDefault(c => c.Equals(header[i], StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                errors.Add($"line 1: unknown column '{header[i]}' (known: {string.Join(", ", Columns)})");
            }
            else
            {
                index[name] = i;
            }
        }

        foreach (var required in Columns.Take(4).Where(c => !index.ContainsKey(c)))
        {
            errors.Add($"line 1: the header needs a '{required}' column");
        }

        if (errors.Count > 0)
        {
            return new([], errors);
        }

        var items = new List<ItemInput>();
        for (var n = 1; n < lines.Count; n++)
        {
            if (string.IsNullOrWhiteSpace(lines[n]))
            {
                continue;
            }

            var cells = Split(lines[n]);
            string? Cell(string column) => index.TryGetValue(column, out var i) && i < cells.Count && cells[i].Trim().Length > 0 ? cells[i].Trim() : null;
            var line = n + 1;
            items.Add(new ItemInput
            {
                Sku = Cell("sku"),
                Length = Number(Cell("length"), line, "length", errors) ?? 0,
                Width = Number(Cell("width"), line, "width", errors) ?? 0,
                Height = Number(Cell("height"), line, "height", errors) ?? 0,
                WeightKg = Number(Cell("weightKg"), line, "weightKg", errors) ?? 0,
                Quantity = (int?)Number(Cell("quantity"), line, "quantity", errors),
                ThisSideUp = Flag(Cell("thisSideUp"), line, "thisSideUp", errors),
                Fragile = Flag(Cell("fragile"), line, "fragile", errors),
                MaxLoadKg = Number(Cell("maxLoadKg"), line, "maxLoadKg", errors),
                Stop = (int?)Number(Cell("stop"), line, "stop", errors),
            });
        }

        return errors.Count > 0 ? new([], errors) : new(items, []);
    }

    private static double? Number(string? cell, int line, string column, List<string> errors)
    {
        if (cell is null)
        {
            return null;
        }

        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add($"line {line}: {column} '{cell}' is not a number");
        return null;
    }

    private static bool Flag(string? cell, int line, string column, List<string> errors)
    {
        switch (cell?.ToLowerInvariant())
        {
            case null or "false" or "0" or "no" or "n":
                return false;
            case "true" or "1" or "yes" or "y" or "x":
                return true;
            default:
                errors.Add($"line {line}: {column} '{cell}' is not yes/no");
                return false;
        }
    }

    // Commas inside double quotes belong to the cell (SKUs and descriptions may hold them).
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch is ',' or ';' or '\t')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
