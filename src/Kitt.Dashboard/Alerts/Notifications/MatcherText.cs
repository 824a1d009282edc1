namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>Matchers written in one line, as people type them in a form: <c>severity=critical, team=~freight|ops</c>.</summary>
public static class MatcherText
{
    /// <summary>The matchers of a line, split at commas; one inside a regex's braces, brackets or parentheses (<c>{2,3}</c>) belongs to the regex.</summary>
    public static IEnumerable<string> Split(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '{' or '[' or '(' => 1, '}' or ']' or ')' => -1, _ => 0 };
            if (text[i] == ',' && depth <= 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        if (text[start..].Trim().Length > 0)
        {
            yield return text[start..];
        }
    }
}
