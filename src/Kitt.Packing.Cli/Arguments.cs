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
        var parsed = new Arguments(args[0]);
        for (var i = 1; i < args.Length; i += 2)
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
