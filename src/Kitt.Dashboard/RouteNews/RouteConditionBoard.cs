using System.Collections.Concurrent;
using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.RouteNews;

/// <summary>What is known now about one route: its latest news of each kind.</summary>
public sealed record RouteCondition(string Route, DateTimeOffset UpdatedAt, IReadOnlyList<RouteEvent> Latest)
{
    /// <summary>The worst severity among the latest news, <c>info</c> when all is calm.</summary>
    public string Severity => Latest.Select(e => e.Severity).MaxBy(s => Array.IndexOf(RouteEvent.Severities, s)) ?? "info";

    public double DelayMinutes => Latest.Sum(e => e.DelayMinutes ?? 0);
}

/// <summary>
/// The latest news per route, from everything announced on <c>routes</c>. In memory: route news is short-lived,
/// and its durable record is the outbox and Kafka.
/// </summary>
public sealed class RouteConditionBoard(ITopicHub hub) : TopicListener<RouteEvent>(hub, RouteEvent.Topic)
{
    /// <summary>Routes remembered; the one updated longest ago is forgotten first.</summary>
    public const int MaxRoutes = 10_000;

    private readonly ConcurrentDictionary<string, RouteCondition> routes = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<RouteCondition> All => [.. routes.Values.OrderByDescending(r => r.UpdatedAt)];

    public RouteCondition? Get(string route) => routes.TryGetValue(route.Trim(), out var condition) ? condition : null;

    public void Apply(RouteEvent e)
    {
        routes.AddOrUpdate(
            e.Route,
            _ => new RouteCondition(e.Route, e.At, [e]),
            // News arrives from several paths (WebSocket, Kafka, replays): a kind's newest wins, whatever came last.
            (_, current) => current.Latest.Any(l => l.Kind == e.Kind && l.At > e.At) ? current : current with
            {
                UpdatedAt = e.At > current.UpdatedAt ? e.At : current.UpdatedAt,
                Latest = [.. current.Latest.Where(l => l.Kind != e.Kind), e],
            });
        if (routes.Count > MaxRoutes && routes.Values.MinBy(r => r.UpdatedAt) is { } oldest)
        {
            routes.TryRemove(oldest.Route, out _);
        }
    }

    protected override void OnPublished(RouteEvent value) => Apply(value);
}
