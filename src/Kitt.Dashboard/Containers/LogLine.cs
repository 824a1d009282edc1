using System.Text.RegularExpressions;

namespace Kitt.Dashboard.Containers;

/// <summary>One line a container wrote: when (the engine's timestamp), on which stream, what.</summary>
/// <param name="Stream"><c>stdout</c> or <c>stderr</c>.</param>
public sealed record LogLine(DateTimeOffset? At, string Stream, string Text)
{
    public const string StandardOutput = "stdout";
    public const string StandardError = "stderr";

    public bool IsError => Stream == StandardError;
}

/// <summary>Terminal escape sequences (colours, cursor moves) taken out of log text, which a browser would show raw.</summary>
public static partial class AnsiText
{
    public static string Strip(string text) => text.Contains('\u001b', StringComparison.Ordinal) ? Escapes().Replace(text, "") : text;

    // CSI sequences (ESC [ … final byte), OSC sequences (ESC ] … BEL or ESC \), and two-byte escapes.
    [GeneratedRegex(@"\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)|\u001b[@-Z\\-_]")]
    private static partial Regex Escapes();
}
