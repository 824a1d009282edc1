using System.Globalization;

namespace Kitt.Packing.Cli;

/// <summary>One positional argument followed by <c>--name value</c> options.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    private Arguments(string file) => File = file;

    public string File { get; }

    public static Arguments? Parse(string[] args, params string[] known)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal)) return null;
        return Options(new Arguments(args[0]), args, 1, known);
    }

    /// <summary>Options alone, for commands without a file.</summary>
    public static Arguments? ParseOptions(string[] args, params string[] known) => Options(new Arguments(""), args, 0, known);

    private static Arguments? Options(Arguments parsed, string[] args, int from, string[] known)
    {
        for (var i = from; i < args.Length; i += 2)
        {
            if (!known.Contains(args[i]) || i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"unknown option or missing value: {args[i]}");
                return null;
            }
            parsed._options[args[i]] = args[i + 1];
        }
        return parsed;
    }

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public double Number(string name, double fallback) =>
        _options.TryGetValue(name, out var s) ? double.Parse(s, CultureInfo.InvariantCulture) : fallback;
}
