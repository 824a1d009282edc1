using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Hosting;
using nietras.SeparatedValues;

namespace Kitt.Dashboard.Tests.Hosting;

/// <summary>The one CSV writer of every export: read back by a CSV library, text comes out as it went in, never as a formula.</summary>
public sealed class CsvLineTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"open\")")]
    [InlineData("+1+2")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("\0=1+1")]
    public void Text_a_spreadsheet_would_run_is_prefixed_and_reads_back_whole(string text)
    {
        var line = new CsvLine().Number(7).Text(text).Text("plain, with \"quotes\"\nand a line break").ToString();

        var cells = ReadBack(line);
        Assert.Equal("7", cells[0]);
        Assert.Equal("'" + text, cells[1]);
        Assert.Equal("plain, with \"quotes\"\nand a line break", cells[2]);
    }

    [Fact]
    public void Numbers_times_and_flags_are_written_as_they_are()
    {
        var at = new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);
        var line = new CsvLine().Number(-5.5).Number((long?)null).Time(at).Flag(true).Text("").ToString();

        Assert.Equal("-5.5,,2026-12-01T10:30:00.0000000+00:00,true,", line);
    }

    [Fact]
    public void The_alert_export_guards_every_text_column()
    {
        var row = new AlertRow(42, "k", "=type", "\tsource", AlertSeverity.Error, AlertState.Firing, "@title", "\0message", -3, 80,
            DateTimeOffset.UnixEpoch, null, false);

        var cells = ReadBack(AlertCsv.Header + "\n" + AlertCsv.Line(row), header: true);
        Assert.Equal(["42", "1970-01-01T00:00:00.0000000+00:00", "", "error", "firing", "'=type", "'\tsource", "'@title", "'\0message", "-3", "80", "false"], cells);
    }

    private static string[] ReadBack(string csv, bool header = false)
    {
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = header, Unescape = true }).FromText(csv + "\n");
        Assert.True(reader.MoveNext());
        var row = reader.Current;
        var cells = new string[row.ColCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = row[i].ToString();
        }

        return cells;
    }
}
