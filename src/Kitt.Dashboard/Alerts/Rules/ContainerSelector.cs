using System.Text.RegularExpressions;
using Kitt.Dashboard.Alerts.Notifications;
using Kitt.Dashboard.Containers;

namespace Kitt.Dashboard.Alerts.Rules;

/// <summary>
/// Which containers a rule watches: matchers in Alertmanager's syntax, comma-separated, over a container's
/// <c>name</c>, <c>image</c> and <c>label:&lt;key&gt;</c> (Docker's label keys have dots, so they are named after the
/// colon), e.g. <c>name=~api-.*, label:com.docker.compose.project=freight</c>. Every matcher must hold.
/// </summary>
public sealed partial class ContainerSelector
{
    private readonly IReadOnlyList<(string Attribute, Matcher Matcher)> parts;

    private ContainerSelector(IReadOnlyList<(string, Matcher)> parts) => this.parts = parts;

    /// <summary>The one exact container name every match needs, if the selector has one: such rules are found by name.</summary>
    public string? ExactName => parts.FirstOrDefault(p => p.Attribute == "name" && p.Matcher is { IsEqual: true, IsRegex: false }).Matcher?.Value;

    /// <exception cref="ArgumentException">A part is not a matcher over name, image or label:key; the message says which.</exception>
    public static ContainerSelector Parse(string text)
    {
        var parsed = new List<(string, Matcher)>();
        foreach (var piece in MatcherText.Split(text))
        {
            var m = Syntax().Match(piece);
            if (!m.Success)
            {
                throw new ArgumentException($"'{piece.Trim()}' is not a matcher over name, image or label:<key>, such as name=~api-.* or image=nginx:1.27");
            }

            var value = m.Groups["value"].Value.Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1];
            }

            var op = m.Groups["op"].Value;
            parsed.Add((m.Groups["attribute"].Value, Matcher.Create("value", value, isRegex: op.EndsWith('~'), isEqual: op[0] == '=')));
        }

        return parsed.Count == 0 ? throw new ArgumentException("match names no container: leave it empty to watch every container") : new ContainerSelector(parsed);
    }

    public bool Matches(ContainerRow container)
    {
        foreach (var (attribute, matcher) in parts)
        {
            var value = attribute switch
            {
                "name" => container.Name,
                "image" => container.Image,
                _ => container.Labels?.GetValueOrDefault(attribute["label:".Length..]) ?? "",
            };
            if (!matcher.MatchesValue(value))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => string.Join(", ", parts.Select(p => p.Attribute + p.Matcher.ToString()["value".Length..]));

    [GeneratedRegex(@"^\s*(?<attribute>name|image|label:[^\s=!~]+)\s*(?<op>=~|!~|!=|=)(?<value>.*)$")]
    private static partial Regex Syntax();
}
