using Kitt.Dashboard.Alerts.Rules;

namespace Kitt.Dashboard.Alerts;

/// <summary>Groups of rules evaluated together: a key missing from its group's latest sample is gone.</summary>
internal static class AlertGroups
{
    public const string Host = "host";
    public const string Containers = "containers";
    public const string Sources = "sources";

    /// <summary>Rules on a source's signals (the API's error rate, the outbox), judged with each host sample.</summary>
    public const string Errors = "errors";
    public const string Packing = "packing";

    /// <summary>Rules on the packing worker (failures in a window, the queue), judged with each host sample.</summary>
    public const string PackingRules = "packing_rules";
    public const string Routes = "routes";
    public const string Engine = "engine";

    /// <summary>The group of a condition: a configured rule's is its own, a built-in one's follows from its type.</summary>
    public static string Of(AlertCondition condition) => condition.Group ?? Of(condition.Type, condition.Source);

    /// <param name="rules">The rules' alert names and their scopes, for alerts a configured rule raised.</param>
    public static string Of(string type, string source, IReadOnlyDictionary<string, IReadOnlySet<RuleScope>>? rules = null) => type switch
    {
        "container_health" or "container_exit" or "restart_loop" => Containers,
        "source_unavailable" => Sources,
        "weather" or "route" => Routes,
        "oom" => Engine,
        "packing" => Packing,
        _ when rules?.TryGetValue(type, out var scopes) == true => OfScope(ScopeOf(source, scopes)),
        // The default rules' alerts, and an alert whose rule is gone: the host's samples come steadily and resolve it.
        "cpu" or "memory" when source != "host" => Containers,
        "error_rate" => Errors,
        _ => Host,
    };

    /// <summary>
    /// Which of the scopes of rules sharing a name raised an alert from <paramref name="source"/>: the host, the
    /// packing worker and the sources are named so; any other source is a container.
    /// </summary>
    private static RuleScope ScopeOf(string source, IReadOnlySet<RuleScope> scopes) => source switch
    {
        "host" when scopes.Contains(RuleScope.Host) => RuleScope.Host,
        "packing" when scopes.Contains(RuleScope.Packing) => RuleScope.Packing,
        "api" or "outbox" when scopes.Contains(RuleScope.Source) => RuleScope.Source,
        _ when scopes.Contains(RuleScope.Containers) => RuleScope.Containers,
        _ => scopes.First(),
    };

    /// <summary>The group a configured rule's alerts are judged in.</summary>
    public static string OfScope(RuleScope scope) => scope switch
    {
        RuleScope.Host => Host,
        RuleScope.Containers => Containers,
        RuleScope.Packing => PackingRules,
        _ => Errors,
    };
}
