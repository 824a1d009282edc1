using System.Text;
using Kitt.Dashboard.Hosting;

namespace Kitt.Dashboard.Alerts;

/// <summary>Alerts as CSV, written row by row as they are read, so an export of any size keeps memory flat.</summary>
public static class AlertCsv
{
    public static readonly string Header = CsvLine.Header(
        "id", "firedAt", "resolvedAt", "severity", "state", "type", "source", "title", "message", "value", "threshold", "read");

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

    public static string Line(AlertRow r) => new CsvLine()
        .Number(r.Id)
        .Time(r.FiredAt)
        .Time(r.ResolvedAt)
        .Word(r.Severity.ToString().ToLowerInvariant())
        .Word(r.State.ToString().ToLowerInvariant())
        .Text(r.Type)
        .Text(r.Source)
        .Text(r.Title)
        .Text(r.Message)
        .Number(r.Value)
        .Number(r.Threshold)
        .Flag(r.Read)
        .ToString();
}
