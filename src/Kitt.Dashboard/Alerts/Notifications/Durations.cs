using System.Globalization;
using System.Text.RegularExpressions;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>Durations written as Alertmanager writes them: <c>30s</c>, <c>5m</c>, <c>4h</c>, <c>1h30m</c>, <c>500ms</c>, <c>0s</c>.</summary>
public static partial class Durations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || !Whole().IsMatch(text))
        {
            return false;
        }

        foreach (Match part in Part().Matches(text))
        {
            var n = long.Parse(part.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                "d" => TimeSpan.FromDays(n),
                _ => TimeSpan.FromDays(7 * n),
            };
        }

        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a duration such as 30s, 5m or 4h");

    /// <summary>The shortest text that reads back as <paramref name="duration"/>, e.g. <c>1h30m</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var parts = new List<string>();
        void Add(long n, string unit)
        {
            if (n > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{n}{unit}"));
            }
        }

        Add((long)duration.TotalDays, "d");
        Add(duration.Hours, "h");
        Add(duration.Minutes, "m");
        Add(duration.Seconds, "s");
        Add(duration.Milliseconds, "ms");
        return string.Concat(parts);
    }

    [GeneratedRegex(@"^(\d+(ms|s|m|h|d|w))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+)(ms|s|m|h|d|w)")]
    private static partial Regex Part();
}
