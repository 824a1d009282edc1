using System.Globalization;
using System.Text;

namespace Kitt.Dashboard.Hosting;

/// <summary>
/// One line of a CSV export, the one writer every export uses. Cells are quoted where RFC 4180 needs it, and text
/// that a spreadsheet would run as a formula (starting with <c>= + - @</c>, a tab, a carriage return or NUL) is
/// prefixed with <c>'</c>: SKUs, references and alert texts arrive from sockets and Kafka, so none may become a live
/// <c>=HYPERLINK(…)</c>. Numbers, times and flags are written as the invariant culture spells them, never guarded.
/// </summary>
public sealed class CsvLine
{
    private readonly StringBuilder line = new();
    private int cells;

    /// <summary>The header line of <paramref name="columns"/>.</summary>
    public static string Header(params ReadOnlySpan<string> columns)
    {
        var header = new CsvLine();
        foreach (var column in columns)
        {
            header.Text(column);
        }

        return header.ToString();
    }

    public CsvLine Text(string? value)
    {
        Next();
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\0')
        {
            value = "'" + value;
        }

        line.Append(value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        return this;
    }

    public CsvLine Number(double? value) => Raw(value?.ToString(CultureInfo.InvariantCulture));

    public CsvLine Number(long? value) => Raw(value?.ToString(CultureInfo.InvariantCulture));

    public CsvLine Time(DateTimeOffset? value) => Raw(value?.ToString("O", CultureInfo.InvariantCulture));

    public CsvLine Flag(bool value) => Raw(value ? "true" : "false");

    /// <summary>A word of the export's own vocabulary (a state, a severity), never user text.</summary>
    public CsvLine Word(string value) => Raw(value);

    public override string ToString() => line.ToString();

    private CsvLine Raw(string? value)
    {
        Next();
        line.Append(value);
        return this;
    }

    private void Next()
    {
        if (cells++ > 0)
        {
            line.Append(',');
        }
    }
}
