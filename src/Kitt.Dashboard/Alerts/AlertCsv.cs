using System.Globalization;
using System.Text;

namespace Kitt.Dashboard.Alerts;

/// <summary>Alerts as CSV, written row by row as they are read, so an export of any size keeps memory flat.</summary>
public static class AlertCsv
{
    public static readonly string Header = "id,firedAt,resolvedAt,severity,state,type,source,title,message,value,threshold,read";

    /// <returns>The number of rows written.</returns>
    public static async Task<long> WriteAsync(IAsyncEnumerable<AlertRow> rows, Stream body)
    {
        long count = 0;
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 64 * 1024);
        await writer.WriteLineAsync(Header);
        await foreach (var row in rows)
        {
            await writer.WriteLineAsync(Line(row));
            count++;
        }

        return count;
    }

    public static string Line(AlertRow r) => string.Join(',',
        r.Id.ToString(CultureInfo.InvariantCulture),
        r.FiredAt.ToString("O", CultureInfo.InvariantCulture),
        r.ResolvedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
        r.Severity.ToString().ToLowerInvariant(),
        r.State.ToString().ToLowerInvariant(),
        Field(r.Type),
        Field(r.Source),
        Field(r.Title),
        Field(r.Message),
        r.Value?.ToString(CultureInfo.InvariantCulture) ?? "",
        r.Threshold?.ToString(CultureInfo.InvariantCulture) ?? "",
        r.Read ? "true" : "false");

    // Quotes fields with separators; a leading =, +, - or @ is prefixed so spreadsheets don't run it as a formula.
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
