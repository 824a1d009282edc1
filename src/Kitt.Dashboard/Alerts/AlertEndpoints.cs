using Kitt.Dashboard.Security;

namespace Kitt.Dashboard.Alerts;

public static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder endpoints)
    {
        var alerts = endpoints.MapGroup("/api").RequireAuthorization(Policies.Analyze);

        alerts.MapGet("/alerts", async (HttpRequest request, AlertQueries queries, CancellationToken ct) =>
        {
            if (!AlertFilter.TryParse(request.Query, out var filter, out var errors))
            {
                return Results.ValidationProblem(errors);
            }

            var page = await queries.PageAsync(filter, Callers.Id(request.HttpContext.User), cancellationToken: ct);
            return Results.Json(new { total = page.Total, totalCapped = page.TotalCapped, items = page.Items.Select(Wire) });
        });

        // Exactly the filtered set (skip/take ignored), streamed row by row: memory stays flat for any size.
        alerts.MapGet("/alerts.csv", (HttpRequest request, AlertQueries queries) =>
        {
            if (!AlertFilter.TryParse(request.Query, out var filter, out var errors))
            {
                return Results.ValidationProblem(errors);
            }

            var reader = Callers.Id(request.HttpContext.User);
            return Results.Stream(
                body => AlertCsv.WriteAsync(queries.StreamAsync(filter, reader, request.HttpContext.RequestAborted), body),
                "text/csv; charset=utf-8",
                $"alerts-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}.csv");
        });

        alerts.MapPost("/alerts/{id:long}/read", async (long id, HttpContext context, AlertQueries queries, CancellationToken ct) =>
            await queries.MarkReadAsync(id, Callers.Id(context.User), ct)
                ? Results.NoContent()
                : NoSuchAlert(id));

        // Thresholds in force, and who changed them when (newest first).
        endpoints.MapGet("/api/alerts/thresholds", async (AlertThresholds thresholds, CancellationToken ct) =>
            Results.Json(new { current = thresholds.Current, changes = await thresholds.HistoryAsync(50, ct) }))
            .RequireAuthorization(Policies.Analyze);

        // Admins change thresholds at runtime; each change is stored with its author and wins over the configuration.
        endpoints.MapPut("/api/alerts/thresholds", async (AlertThresholdValues values, HttpContext context, AlertThresholds thresholds, CancellationToken ct) =>
        {
            if (values.Problems().ToList() is { Count: > 0 } problems)
            {
                return Results.ValidationProblem(problems.ToDictionary(p => p.Field, p => new[] { p.Problem }));
            }

            await thresholds.SetAsync(values, Callers.Name(context.User), ct);
            return Results.Json(thresholds.Current);
        }).RequireAuthorization(Policies.Administer);

        alerts.MapGet("/alerts/{id:long}/timeline", async (long id, AlertQueries queries, CancellationToken ct) =>
            await queries.TimelineAsync(id, ct) is { } timeline
                ? Results.Json(new { items = timeline })
                : NoSuchAlert(id));
        return endpoints;
    }

    private static IResult NoSuchAlert(long id) => Results.Problem($"There is no alert {id}.", statusCode: StatusCodes.Status404NotFound);

    internal static object Wire(AlertRow r) => new
    {
        r.Id, r.Key, r.Type, r.Source, Severity = r.Severity.ToString().ToLowerInvariant(), State = r.State.ToString().ToLowerInvariant(),
        r.Title, r.Message, r.Value, r.Threshold, r.FiredAt, r.ResolvedAt, r.Read,
    };
}
