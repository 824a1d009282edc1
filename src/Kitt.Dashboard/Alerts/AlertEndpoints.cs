using Kitt.Dashboard.Alerts.Silencing;
using Kitt.Dashboard.Alerts.Routing;
using Kitt.Dashboard.Alerts.Rules;
using Kitt.Dashboard.Alerts.Notifications;
using Kitt.Dashboard.Security;
using Microsoft.OpenApi;

namespace Kitt.Dashboard.Alerts;

public static class AlertEndpoints
{
    /// <summary>The filters <see cref="AlertFilter.TryParse"/> reads; the handlers take the raw query, so the framework cannot list them.</summary>
    private static readonly QueryParameter[] Filters =
    [
        new("severity", JsonSchemaType.String, "Comma-separated severities: info, warning, error, critical."),
        new("type", JsonSchemaType.String, "Alert type, e.g. cpu, memory, container_health, error_rate or packing."),
        new("source", JsonSchemaType.String, "Where the alert comes from, e.g. a container name or host."),
        new("state", JsonSchemaType.String, "firing or resolved."),
        new("q", JsonSchemaType.String, "Words to look for in the title and message."),
        new("from", JsonSchemaType.String, "Earliest firing time, ISO-8601.", "date-time"),
        new("to", JsonSchemaType.String, "Latest firing time, ISO-8601.", "date-time"),
        new("unread", JsonSchemaType.Boolean, "Only the alerts the caller has (true) or has not (false) read."),
        new("sort", JsonSchemaType.String, "firedAt (the default), severity, source or type."),
        new("order", JsonSchemaType.String, "desc (the default) or asc."),
    ];

    private static readonly QueryParameter[] Paging =
    [
        new("skip", JsonSchemaType.Integer, "How many matching alerts to pass over (0 when left out)."),
        new("take", JsonSchemaType.Integer, $"How many alerts to return, 1 to {AlertFilter.MaxTake} (50 when left out)."),
    ];

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder endpoints)
    {
        var alerts = endpoints.MapGroup("/api").RequireAuthorization(Policies.Analyze).WithTags("Alerts");

        alerts.MapGet("/alerts", async (HttpRequest request, AlertQueries queries, CancellationToken ct) =>
        {
            if (!AlertFilter.TryParse(request.Query, out var filter, out var errors))
            {
                return Results.ValidationProblem(errors);
            }

            var page = await queries.PageAsync(filter, Callers.Id(request.HttpContext.User), cancellationToken: ct);
            return Results.Json(new AlertListing(page.Total, page.TotalCapped, [.. page.Items.Select(Wire)]));
        })
        .WithName("ListAlerts").WithSummary("Alerts matching the filters, one page of them, newest first by default")
        .AddOpenApiOperationTransformer((operation, _, _) => Describe(operation, [.. Filters, .. Paging]))
        .Produces<AlertListing>()
        .ProducesValidationProblem();

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
        })
        .WithName("ExportAlerts").WithSummary("Every alert matching the filters, as CSV")
        .AddOpenApiOperationTransformer((operation, _, _) => Describe(operation, Filters))
        .Produces<string>(StatusCodes.Status200OK, "text/csv")
        .ProducesValidationProblem();

        alerts.MapPost("/alerts/{id:long}/read", async (long id, HttpContext context, AlertQueries queries, CancellationToken ct) =>
            await queries.MarkReadAsync(id, Callers.Id(context.User), ct)
                ? Results.NoContent()
                : NoSuchAlert(id))
            .WithName("MarkAlertRead").WithSummary("Marks an alert read for the caller")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Thresholds in force, and who changed them when (newest first).
        endpoints.MapGet("/api/alerts/thresholds", async (AlertThresholds thresholds, CancellationToken ct) =>
            Results.Json(new ThresholdsWithChanges(thresholds.Current, await thresholds.HistoryAsync(50, ct))))
            .RequireAuthorization(Policies.Analyze)
            .WithTags("Alerts").WithName("GetAlertThresholds").WithSummary("The thresholds in force and the last 50 changes")
            .Produces<ThresholdsWithChanges>();

        // Admins change thresholds at runtime; each change is stored with its author and wins over the configuration.
        endpoints.MapPut("/api/alerts/thresholds", async (AlertThresholdValues values, HttpContext context, AlertThresholds thresholds, CancellationToken ct) =>
        {
            if (values.Problems().ToList() is { Count: > 0 } problems)
            {
                return Results.ValidationProblem(problems.ToDictionary(p => p.Field, p => new[] { p.Problem }));
            }

            try
            {
                await thresholds.SetAsync(values, Callers.Name(context.User), ct);
            }
            catch (InvalidOperationException ex)
            {
                // A rule an Admin changed since refuses the threshold: nothing of it is in force, so say why.
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
            }

            return Results.Json(thresholds.Current);
        }).RequireAuthorization(Policies.Administer)
        .WithTags("Alerts").WithName("SetAlertThresholds").WithSummary("Changes the thresholds; the change is stored with its author")
        .Produces<AlertThresholdValues>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .Produces(StatusCodes.Status415UnsupportedMediaType);

        alerts.MapGet("/alerts/{id:long}/timeline", async (long id, AlertQueries queries, CancellationToken ct) =>
            await queries.TimelineAsync(id, ct) is { } timeline
                ? Results.Json(new AlertTimeline(timeline))
                : NoSuchAlert(id))
            .WithName("GetAlertTimeline").WithSummary("An alert's state changes, oldest first")
            .Produces<AlertTimeline>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapAlertNotifications();
        endpoints.MapSilencesAndAcks();
        endpoints.MapAlertRules();
        endpoints.MapAlertRouting();
        return endpoints;
    }

    private static IResult NoSuchAlert(long id) => Results.Problem($"There is no alert {id}.", statusCode: StatusCodes.Status404NotFound);

    internal static AlertItem Wire(AlertRow r) => new(
        r.Id, r.Key, r.Type, r.Source, r.Severity.ToString().ToLowerInvariant(), r.State.ToString().ToLowerInvariant(),
        r.Title, r.Message, r.Value, r.Threshold, r.FiredAt, r.ResolvedAt, r.Read,
        r.Handling?.SilencedBy, r.Handling?.InhibitedBy, r.Handling?.AckedBy, r.Handling?.AckedAt, r.Handling?.AckComment);

    private static Task Describe(OpenApiOperation operation, IEnumerable<QueryParameter> parameters)
    {
        operation.Parameters ??= [];
        foreach (var p in parameters)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = p.Name,
                In = ParameterLocation.Query,
                Description = p.Description,
                Schema = new OpenApiSchema { Type = p.Type, Format = p.Format },
            });
        }

        return Task.CompletedTask;
    }

    private sealed record QueryParameter(string Name, JsonSchemaType Type, string Description, string? Format = null);
}
