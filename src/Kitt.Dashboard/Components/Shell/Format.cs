using System.Globalization;

namespace Kitt.Dashboard.Components.Shell;

/// <summary>How figures read in the UI: one place, so every page agrees.</summary>
public static class Format
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB"];

    public static string Bytes(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {Units[unit]}");
    }

    public static string Percent(double percent) => string.Create(CultureInfo.InvariantCulture, $"{percent:0.0} %");

    public static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var span = now - at;
        return span.TotalSeconds < 60 ? $"{Math.Max(0, (int)span.TotalSeconds)} s ago"
            : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes} min ago"
            : span.TotalHours < 48 ? $"{(int)span.TotalHours} h ago"
            : $"{(int)span.TotalDays} d ago";
    }
}
