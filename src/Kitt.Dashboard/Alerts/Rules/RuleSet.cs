using System.Collections.Concurrent;
using Kitt.Dashboard.Containers;

namespace Kitt.Dashboard.Alerts.Rules;

/// <summary>
/// The enabled rules, indexed so a poll costs the rules that apply rather than every rule times every container:
/// by scope; container rules without a selector apply to all; the rest are matched once per container (by id,
/// name and image, which a container keeps) and remembered, so a poll looks its rules up instead of matching
/// again. Immutable: a change builds a new set, which the next evaluation picks up.
/// </summary>
internal sealed class RuleSet
{
    /// <summary>Containers remembered at most; past it the memory starts over (containers come and go).</summary>
    private const int MostRemembered = 20_000;

    private readonly CompiledRule[] everyContainer;
    private readonly Dictionary<string, CompiledRule[]> byExactName;
    private readonly CompiledRule[] selective;
    private readonly ConcurrentDictionary<(string Id, string Name, string Image), CompiledRule[]> matched = new();

    public RuleSet(IEnumerable<AlertRule> rules)
    {
        All = [.. rules.Where(r => r.Enabled && !r.Deleted).Select(r => new CompiledRule(r))];
        Host = [.. All.Where(r => r.Rule.Scope == RuleScope.Host)];
        Packing = [.. All.Where(r => r.Rule.Scope == RuleScope.Packing)];
        Sources = [.. All.Where(r => r.Rule.Scope == RuleScope.Source)];
        var containers = All.Where(r => r.Rule.Scope == RuleScope.Containers).ToList();
        everyContainer = [.. containers.Where(r => r.Selector is null)];
        byExactName = containers.Where(r => r.Selector?.ExactName is not null).GroupBy(r => r.Selector!.ExactName!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        selective = [.. containers.Where(r => r.Selector is { ExactName: null })];
        Container = [.. containers];
        Counts = containers.Any(r => r.Info.Windowed);
        Names = All.GroupBy(r => r.Rule.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<RuleScope>)g.Select(r => r.Rule.Scope).ToHashSet(), StringComparer.Ordinal);
    }

    public static readonly RuleSet Empty = new([]);

    public IReadOnlyList<CompiledRule> All { get; }

    public IReadOnlyList<CompiledRule> Host { get; }

    public IReadOnlyList<CompiledRule> Packing { get; }

    public IReadOnlyList<CompiledRule> Sources { get; }

    public IReadOnlyList<CompiledRule> Container { get; }

    /// <summary>Whether a container rule counts over a window (restarts), so the evaluator keeps each container's history.</summary>
    public bool Counts { get; }

    /// <summary>The scopes of the rules raising alerts of each name (<c>cpu</c>: host and containers), for alerts taken up after a restart.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<RuleScope>> Names { get; }

    public bool Needs(RuleSignal signal) => All.Any(r => r.Rule.Signal == signal);

    /// <summary>The rules that watch this container.</summary>
    public CompiledRule[] For(ContainerRow container)
    {
        if (selective.Length == 0 && byExactName.Count == 0)
        {
            return everyContainer;
        }

        var identity = (container.Id, container.Name, container.Image);
        if (matched.TryGetValue(identity, out var rules))
        {
            return rules;
        }

        if (matched.Count >= MostRemembered)
        {
            matched.Clear();
        }

        IEnumerable<CompiledRule> named = byExactName.TryGetValue(container.Name, out var byName) ? byName : [];
        rules = [.. everyContainer, .. named.Where(r => r.Selector!.Matches(container)), .. selective.Where(r => r.Selector!.Matches(container))];
        matched[identity] = rules;
        return rules;
    }
}
