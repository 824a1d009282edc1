using System.ComponentModel;
using System.Text.Json;
using Kitt.Dashboard.Mcp;
using Kitt.Dashboard.Security;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.Server;

namespace Kitt.Dashboard.RouteNews;

public sealed record RouteNewsItem(string Id, string Type, string Severity, string Message, DateTimeOffset At, double? DelayMinutes)
{
    public static RouteNewsItem From(RouteEvent e) => new(e.Id, e.Type, e.Severity, e.Message, e.At, e.DelayMinutes);
}

/// <summary>One route's condition: the worst severity and the summed delay of its latest news of each kind.</summary>
public sealed record RouteConditionView(string Route, string Severity, double DelayMinutes, DateTimeOffset UpdatedAt, IReadOnlyList<RouteNewsItem> Latest)
{
    public static RouteConditionView From(RouteCondition c) =>
        new(c.Route, c.Severity, c.DelayMinutes, c.UpdatedAt, [.. c.Latest.Select(RouteNewsItem.From)]);
}

public sealed record RouteConditionsView(int Count, IReadOnlyList<RouteConditionView> Routes);

public sealed record PublishedEvent(string Id, string Type, string Route, string Severity, DateTimeOffset At);

/// <summary>
/// Route, weather and traffic news: read from what the route news keeps, published through the outbox and the
/// <c>routes</c> topic as news from any other client is.
/// </summary>
[McpServerToolType]
public sealed class RouteTools(RouteConditionBoard news, RouteNewsPublisher events, TimeProvider clock)
{
    public const int MaxRoute = 128;
    public const int MaxMessage = 2_000;

    /// <summary>A week: a longer delay is a closed road, which a route update says better than a number.</summary>
    public const double MaxDelayMinutes = 7 * 24 * 60;

    private static readonly IReadOnlyDictionary<string, RouteEventKind> Kinds =
        Enum.GetValues<RouteEventKind>().ToDictionary(k => JsonNamingPolicy.SnakeCaseLower.ConvertName(k.ToString()), StringComparer.Ordinal);

    [McpServerTool(Name = "get_route_conditions", ReadOnly = true, OpenWorld = false)]
    [Description("Current conditions of one route, or of every route with news (most recently updated first): the worst " +
        "severity (info, warning, error, critical), the expected delay in minutes, and the latest route, weather and traffic news.")]
    public RouteConditionsView GetRouteConditions(
        [Description("The route or region, e.g. 'A1 Hamburg-Bremen' (case-insensitive); every known route when left out.")]
        string? route = null)
    {
        if (string.IsNullOrWhiteSpace(route))
        {
            var all = news.All;
            return new RouteConditionsView(all.Count, [.. all.Select(RouteConditionView.From)]);
        }

        CheckLength("route", route, MaxRoute);
        var condition = news.Get(route)
            ?? throw ToolErrors.NotFound("route", $"no news is known about route '{route.Trim()}' ({news.All.Count} routes have news)");
        return new RouteConditionsView(1, [RouteConditionView.From(condition)]);
    }

    [McpServerTool(Name = "publish_event", Destructive = false, OpenWorld = false)]
    [Authorize(Policy = Policies.Dispatch)]
    [Description("Announces news about a route to the dashboard, notification clients and the route conditions. Returns the new event's id.")]
    public async Task<PublishedEvent> PublishEvent(
        [Description("route_update, weather_alert or traffic_update.")] string type,
        [Description("The route or region it concerns, e.g. 'A1 Hamburg-Bremen'.")] string route,
        [Description("info, warning, error or critical.")] string severity,
        [Description("What happened, in words a dispatcher reads.")] string message,
        [Description("Expected delay on the route in minutes, when known (0 to 10080).")] double? delay_minutes = null,
        CancellationToken cancellationToken = default)
    {
        if (!Kinds.TryGetValue(type?.Trim() ?? "", out var kind))
        {
            throw ToolErrors.Invalid("type", $"must be one of {string.Join(", ", Kinds.Keys)}, got '{type}'");
        }

        Required("route", route, MaxRoute);
        if (!RouteEvent.Severities.Contains(severity?.Trim(), StringComparer.Ordinal))
        {
            throw ToolErrors.Invalid("severity", $"must be one of {string.Join(", ", RouteEvent.Severities)}, got '{severity}'");
        }

        Required("message", message, MaxMessage);
        if (delay_minutes is { } delay && !(delay >= 0 && delay <= MaxDelayMinutes))
        {
            throw ToolErrors.Invalid("delay_minutes", $"must be from 0 to {MaxDelayMinutes}, got {delay}");
        }

        var e = new RouteEvent(Guid.NewGuid().ToString("N"), kind, route.Trim(), severity!.Trim(), message.Trim(), clock.GetUtcNow(), delay_minutes);
        await events.PublishAsync(e, cancellationToken: cancellationToken);
        return new PublishedEvent(e.Id, e.Type, e.Route, e.Severity, e.At);
    }

    private static void Required(string argument, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw ToolErrors.Invalid(argument, "is required");
        }

        CheckLength(argument, value, max);
    }

    private static void CheckLength(string argument, string value, int max)
    {
        if (value.Trim().Length > max)
        {
            throw ToolErrors.Invalid(argument, $"at most {max} characters, got {value.Trim().Length}");
        }
    }
}
