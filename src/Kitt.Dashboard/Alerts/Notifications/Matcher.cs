using System.Text.RegularExpressions;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>
/// One of Alertmanager's label matchers: <c>name=value</c>, <c>name!=value</c>, <c>name=~regex</c>,
/// <c>name!~regex</c>. A regular expression matches the whole value, as Alertmanager anchors it; a label an alert
/// does not have reads as empty.
/// </summary>
public sealed partial class Matcher
{
    private static readonly TimeSpan RegexBudget = TimeSpan.FromMilliseconds(50);

    private readonly Regex? regex;

    /// <summary>What every value a regex matches starts with: a cheap test that turns most values away before the regex runs.</summary>
    private readonly string prefix = "";

    private Matcher(string name, string value, bool isRegex, bool isEqual)
    {
        (Name, Value, IsRegex, IsEqual) = (name, value, isRegex, isEqual);
        if (isRegex)
        {
            // Linear in the value's length whatever the pattern (as Alertmanager's RE2): anyone who may silence writes these.
            regex = new Regex($"^(?:{value})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexBudget);
            prefix = LiteralPrefix(value);
        }
    }

    public string Name { get; }

    public string Value { get; }

    public bool IsRegex { get; }

    public bool IsEqual { get; }

    /// <summary>A matcher from its parts, as a silence stores it.</summary>
    /// <exception cref="ArgumentException">The name is not a label name, or the regex does not parse.</exception>
    public static Matcher Create(string name, string value, bool isRegex, bool isEqual)
    {
        if (!LabelName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a label name (letters, digits and _, not starting with a digit)");
        }

        try
        {
            return new Matcher(name, value, isRegex, isEqual);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new ArgumentException($"'{value}' is not a regular expression: {ex.Message}", ex);
        }
    }

    /// <exception cref="ArgumentException">The text is not a matcher; the message says why.</exception>
    public static Matcher Parse(string text)
    {
        var m = Syntax().Match(text);
        if (!m.Success)
        {
            throw new ArgumentException($"'{text}' is not a matcher such as severity=critical or source=~db-.*");
        }

        var op = m.Groups["op"].Value;
        var value = m.Groups["value"].Value.Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        return Create(m.Groups["name"].Value, value, isRegex: op.EndsWith('~'), isEqual: op[0] == '=');
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => MatchesValue(labels.TryGetValue(Name, out var v) ? v : "");

    /// <summary>Whether the matcher holds for this value of its label (empty when the label is absent).</summary>
    public bool MatchesValue(string value)
    {
        bool hit;
        try
        {
            hit = regex is null ? string.Equals(value, Value, StringComparison.Ordinal)
                : value.StartsWith(prefix, StringComparison.Ordinal) && regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false; // a value too long to decide within the budget matches nothing, neither = nor !=
        }

        return hit == IsEqual;
    }

    public override string ToString() => Format(Name, Value, IsRegex, IsEqual);

    /// <summary>A matcher's parts as Alertmanager writes them: <c>source=~db-.*</c>.</summary>
    public static string Format(string name, string value, bool isRegex, bool isEqual) => (isEqual, isRegex) switch
    {
        (true, false) => $"{name}={value}",
        (false, false) => $"{name}!={value}",
        (true, true) => $"{name}=~{value}",
        _ => $"{name}!~{value}",
    };

    /// <summary>
    /// The literal start of a pattern: its characters up to the first special one, less the last when a quantifier
    /// follows it; nothing when the pattern has an alternation, whose branches may start differently.
    /// </summary>
    private static string LiteralPrefix(string pattern)
    {
        if (pattern.Contains('|', StringComparison.Ordinal))
        {
            return "";
        }

        var end = pattern.IndexOfAny(['.', '^', '$', '*', '+', '?', '(', ')', '[', ']', '{', '}', '\\']);
        if (end < 0)
        {
            return pattern;
        }

        return pattern[end] is '*' or '?' or '{' && end > 0 ? pattern[..(end - 1)] : pattern[..end];
    }

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?<op>=~|!~|!=|=)(?<value>.*)$")]
    private static partial Regex Syntax();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex LabelName();
}
