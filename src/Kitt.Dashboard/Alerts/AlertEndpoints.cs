using System.Globalization;
using System.Security.Claims;
using System.Text;
using Kitt.Dashboard.Security;

namespace Kitt.Dashboard.Alerts;

public static class AlertEndpoints
{
    private static readonly string[] CsvColumns =
        ["id", "firedAt", "resolvedAt", "severity", "state", "type", "source", "title", "message", "value", "threshold", "read"];

    /// <summary>Whose read marks and sidebar a request uses: the signed-in user, or the API key.</summary>
    public static string ReaderId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "anonymous";

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var alerts = endpoints.MapGroup("/api").RequireAuthorization(Policies.Analyze);

        alerts.MapGet("/alerts", async (HttpRequest request, AlertQueries queries, CancellationToken ct) =>
        {
            if (!AlertFilter.TryParse(request.Query, out var filter, out var errors))
            {
                return Results.ValidationProblem(errors);
            }

            var page = await queries.PageAsync(filter, ReaderId(request.HttpContext.User), cancellationToken: ct);
            return Results.Json(new { total = page.Total, items = page.Items.Select(Wire) });
        });

        // Exactly the filtered set (skip/take ignored), streamed row by row: memory stays flat for any size.
        alerts.MapGet("/alerts.csv", (HttpRequest request, AlertQueries queries) =>
        {
            if (!AlertFilter.TryParse(request.Query, out var filter, out var errors))
            {
                return Results.ValidationProblem(errors);
            }

            var reader = ReaderId(request.HttpContext.User);
            return Results.Stream(async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 64 * 1024);
                await writer.WriteLineAsync(string.Join(',', CsvColumns));
                await foreach (var row in queries.StreamAsync(filter, reader, request.HttpContext.RequestAborted))
                {
                    await writer.WriteLineAsync(CsvLine(row));
                }
            }, "text/csv; charset=utf-8", $"alerts-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}.csv");
        });

        alerts.MapPost("/alerts/{id:long}/read", async (long id, HttpContext context, AlertQueries queries, CancellationToken ct) =>
            await queries.MarkReadAsync(id, ReaderId(context.User), ct)
                ? Results.NoContent()
                : Results.Problem($"There is no alert {id}.", statusCode: StatusCodes.Status404NotFound));

        alerts.MapGet("/alerts/{id:long}/timeline", async (long id, AlertQueries queries, CancellationToken ct) =>
            Results.Json(new { items = await queries.TimelineAsync(id, ct) }));
        return endpoints;
    }

    private static object Wire(AlertRow r) => new
    {
        r.Id, r.Key, r.Type, r.Source, Severity = r.Severity.ToString().ToLowerInvariant(), State = r.State.ToString().ToLowerInvariant(),
        r.Title, r.Message, r.Value, r.Threshold, r.FiredAt, r.ResolvedAt, r.Read,
    };

    private static string CsvLine(AlertRow r) => string.Join(',',
        r.Id.ToString(CultureInfo.InvariantCulture),
        r.FiredAt.ToString("O", CultureInfo.InvariantCulture),
        r.ResolvedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
        r.Severity.ToString().ToLowerInvariant(),
        r.State.ToString().ToLowerInvariant(),
        Csv(r.Type),
        Csv(r.Source),
        Csv(r.Title),
        Csv(r.Message),
        r.Value?.ToString(CultureInfo.InvariantCulture) ?? "",
        r.Threshold?.ToString(CultureInfo.InvariantCulture) ?? "",
        r.Read ? "true" : "false");

    // Quotes fields with separators; a leading =, +, - or @ is prefixed so spreadsheets don't run it as a formula.
    private static string Csv(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
