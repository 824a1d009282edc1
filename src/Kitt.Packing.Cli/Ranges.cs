using System.Globalization;

namespace Kitt.Packing.Cli;

/// <summary>"3-7" or "5": an inclusive range of numbers given on the command line.</summary>
internal static class Ranges
{
    public static (int From, int To) Parse(string? text, int from, int to)
    {
        if (text is null) return (from, to);
        var parts = text.Split('-', 2);
        var low = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return (low, parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : low);
    }
}
