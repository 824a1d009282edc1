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

    /// <summary>A count with its noun, singular for one: <c>1 line</c>, <c>22 boxes</c>.</summary>
    public static string Count(long count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? one : many)}");

    public static string Rate(double bytesPerSecond) => Bytes((long)Math.Round(bytesPerSecond)) + "/s";

    /// <summary>A duration as people say it: "45 s", "12 min", "3 h 20 min", "4 d 2 h".</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalSeconds < 60 ? $"{Math.Max(0, (int)span.TotalSeconds)} s"
        : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes} min"
        : span.TotalHours < 24 ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : $"{(int)span.TotalDays} d {span.Hours} h";

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
