using System.Globalization;
using MiniExcelLibs;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// Items from the first sheet of an .xlsx workbook: a header row with the CSV's columns (<see cref="ItemImport.Columns"/>,
/// any order), then one item a row. Problems name the sheet's row and the column, as the spreadsheet shows them.
/// </summary>
public static class ItemSpreadsheet
{
    /// <summary>Whether the bytes open like an .xlsx (a zip archive), whatever the file is called.</summary>
    public static bool IsWorkbook(ReadOnlySpan<byte> start) => start is [(byte)'P', (byte)'K', 3, 4, ..];

    public static ItemImport.Result Read(Stream workbook)
    {
        var errors = new List<string>();
        var items = new List<ItemInput>();
        try
        {
            Dictionary<string, int>? index = null;
            var width = 0;
            var row = 0;
            foreach (IDictionary<string, object?> cellsByColumn in MiniExcel.Query(workbook, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                row++;
                var values = cellsByColumn.Values.Select(Text).ToList();
                if (index is null)
                {
                    // The header ends at its last named column; cells after it belong to no column.
                    width = values.FindLastIndex(v => v is not null) + 1;
                    if (width == 0)
                    {
                        return new([], ["row 1: the first sheet has no header row"]);
                    }

                    var missing = values.Take(width).Select((v, i) => (v, i)).Where(c => c.v is null).ToList();
                    errors.AddRange(missing.Select(c => $"row 1, column {ColumnName(c.i)}: the header cell is empty"));
                    (index, var headerErrors) = ItemImport.Header([.. values.Take(width).Select(v => v ?? "")], ColumnName);
                    errors.AddRange(headerErrors);
                    if (errors.Count > 0)
                    {
                        return new([], errors);
                    }

                    continue;
                }

                if (values.Skip(width).FirstOrDefault(v => v is not null) is { } extra)
                {
                    errors.Add($"row {row}: '{extra}' is right of the last column of the header");
                    continue;
                }

                var cells = ItemImport.Columns.Select(c => index.TryGetValue(c, out var i) && i < values.Count ? values[i] : null).ToArray();
                if (cells.All(c => c is null))
                {
                    continue;
                }

                if (items.Count == ShipmentRules.MaxLines)
                {
                    errors.Add($"row {row}: a shipment has at most {ShipmentRules.MaxLines} lines");
                    break;
                }

                items.Add(new ItemImport.Cells(row, decimalComma: false, errors).Item(cells));
            }

            if (index is null)
            {
                return new([], ["row 1: the first sheet is empty"]);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A file that is not a workbook fails wherever its reader gives up: in the zip, the XML or the sheet list.
            return new([], [$"the file is not an .xlsx workbook that can be read: {ex.Message}"]);
        }

        return errors.Count > 0 ? new([], errors) : new(items, []);
    }

    /// <summary>A cell as the CSV would hold it: numbers in invariant form, yes/no for booleans, null when empty.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        bool b => b ? "yes" : "no",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A, B, …, Z, AA: the column letters a spreadsheet shows.</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
