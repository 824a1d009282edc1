namespace Kitt.Dashboard.Alerts;

/// <summary>
/// Which alerts follow from a source being away, so they are inhibited while its alert fires: with the Docker
/// engine unavailable, its containers' alerts (and its event stream's) say nothing the engine's own alert does not.
/// Inhibited alerts are stored and shown with the alert that inhibits them, and neither toast nor notify.
/// </summary>
public static class Inhibitions
{
    public const string DockerUnavailable = "source_unavailable:" + Health.ComponentStates.Docker;

    /// <summary>Every alert key that can inhibit others.</summary>
    public static readonly IReadOnlyList<string> Inhibitors = [DockerUnavailable];

    /// <summary>The key of the alert whose firing inhibits an alert of <paramref name="type"/> from <paramref name="source"/>, if any.</summary>
    /// <param name="labels">The alert's rule labels: a configured rule's <c>scope</c> says what its alerts follow from.</param>
    public static string? By(string type, string source, IReadOnlyDictionary<string, string>? labels = null) => Group(type, source, labels) switch
    {
        AlertGroups.Containers or AlertGroups.Engine => DockerUnavailable,
        AlertGroups.Sources when source == Health.ComponentStates.DockerEvents => DockerUnavailable,
        _ => null,
    };

    private static string Group(string type, string source, IReadOnlyDictionary<string, string>? labels) =>
        labels?.GetValueOrDefault("scope") is { } scope && Enum.TryParse<Rules.RuleScope>(scope, ignoreCase: true, out var s)
            ? AlertGroups.OfScope(s)
            : AlertGroups.Of(type, source);
}
