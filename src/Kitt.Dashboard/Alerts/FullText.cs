namespace Kitt.Dashboard.Alerts;

/// <summary>Turns what a person types into an FTS5 query: every word must occur, as a word or a word's start.</summary>
public static class FullText
{
    /// <returns>Null when the text has no word to search for.</returns>
    public static string? Match(string text)
    {
        // Quoting each word keeps FTS5 syntax (AND, NEAR, *, :, -) typed by a user from being read as operators.
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Replace("\"", "", StringComparison.Ordinal))
            .Where(w => w.Length > 0)
            .Select(w => $"\"{w}\"*");
        var match = string.Join(' ', words);
        return match.Length == 0 ? null : match;
    }
}
