using System.ComponentModel;
using System.Globalization;
using Kitt.Dashboard.Mcp;
using Kitt.Dashboard.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Primitives;
using ModelContextProtocol.Server;

namespace Kitt.Dashboard.Alerts;

public sealed record AlertList(int Total, bool TotalCapped, IReadOnlyList<object> Items);

/// <summary>
/// Alert history with the filters of <c>GET /api/alerts</c>, checked by the same rules. Read marks are the API key's,
/// as for REST calls with that key.
/// </summary>
[McpServerToolType]
public sealed class AlertTools(AlertQueries queries, IHttpContextAccessor http)
{
    [McpServerTool(Name = "list_alerts", ReadOnly = true, OpenWorld = false)]
    [Authorize(Policy = Policies.Analyze)]
    [Description("Alerts, newest first, with the total that match. Every filter is optional.")]
    public async Task<AlertList> ListAlerts(
        [Description("Comma-separated severities: info, warning, error, critical.")] string? severity = null,
        [Description("Alert type: cpu, memory, container_health, container_exit, restart_loop, error_rate or packing.")] string? type = null,
        [Description("Where the alert comes from, e.g. a container name or 'host'.")] string? source = null,
        [Description("firing or resolved.")] string? state = null,
        [Description("Words to look for in the title and message.")] string? q = null,
        [Description("Earliest firing time, ISO-8601, e.g. 2026-11-25T14:00:00Z.")] string? from = null,
        [Description("Latest firing time, ISO-8601.")] string? to = null,
        [Description("How many alerts to return, 1 to 1000 (50 when left out).")] int? take = null,
        CancellationToken cancellationToken = default)
    {
        var query = new QueryCollection(new Dictionary<string, StringValues>
        {
            ["severity"] = severity,
            ["type"] = type,
            ["source"] = source,
            ["state"] = state,
            ["q"] = q,
            ["from"] = from,
            ["to"] = to,
            ["take"] = take?.ToString(CultureInfo.InvariantCulture),
        });
        if (!AlertFilter.TryParse(query, out var filter, out var errors))
        {
            throw ToolErrors.Invalid(errors.SelectMany(e => e.Value.Select(message => new Kitt.Packing.FieldError(e.Key, message))));
        }

        var page = await queries.PageAsync(filter, Callers.Id(http.HttpContext?.User), cancellationToken: cancellationToken);
        return new AlertList(page.Total, page.TotalCapped, [.. page.Items.Select(AlertEndpoints.Wire)]);
    }
}
