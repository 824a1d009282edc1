using System.Globalization;
using System.Text;
using System.Text.Json;
using Kitt.Dashboard.Security;

namespace Kitt.Dashboard.Containers;

/// <summary>The body of <c>GET /api/containers/{id}/logs</c> without <c>follow</c>: the lines, oldest first.</summary>
public sealed record ContainerLogList(IReadOnlyList<LogLine> Items);

/// <summary>What a logs request asks for, read from its query; each bad value is named.</summary>
internal sealed record LogQuery(int Tail, DateTimeOffset? Since, bool Follow, bool KeepAnsi, string? Search, bool AsText)
{
    public const int MaxTail = 10_000;

    public static LogQuery? Parse(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        var tail = 200;
        if (query["tail"].ToString() is { Length: > 0 } t && !(int.TryParse(t, CultureInfo.InvariantCulture, out tail) && tail is >= 0 and <= MaxTail))
        {
            errors["tail"] = [$"tail must be a whole number from 0 to {MaxTail:N0}, got '{t}'."];
        }

        DateTimeOffset? since = null;
        if (query["since"].ToString() is { Length: > 0 } s)
        {
            if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                since = at;
            }
            else if (long.TryParse(s, CultureInfo.InvariantCulture, out var unix))
            {
                since = DateTimeOffset.FromUnixTimeSeconds(unix);
            }
            else
            {
                errors["since"] = [$"since must be an ISO-8601 time or Unix seconds, got '{s}'."];
            }
        }

        var follow = Flag(query, "follow", errors);
        var ansi = query["ansi"].ToString();
        if (ansi is not ("" or "strip" or "keep"))
        {
            errors["ansi"] = [$"ansi must be 'strip' (the default) or 'keep', got '{ansi}'."];
        }

        var format = query["format"].ToString();
        if (format is not ("" or "json" or "text"))
        {
            errors["format"] = [$"format must be 'json' (the default) or 'text', got '{format}'."];
        }

        if (follow && format == "text")
        {
            errors["format"] = ["format=text is a download of the lines so far; it cannot follow."];
        }

        return errors.Count > 0 ? null : new LogQuery(tail, since, follow, ansi == "keep", query["q"].ToString() is { Length: > 0 } q ? q : null, format == "text");
    }

    public LogLine? Shown(LogLine line)
    {
        var shown = KeepAnsi ? line : line with { Text = AnsiText.Strip(line.Text) };
        return Search is null || shown.Text.Contains(Search, StringComparison.OrdinalIgnoreCase) ? shown : null;
    }

    private static bool Flag(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var value = query[name].ToString();
        if (value is "" or "false" or "0")
        {
            return false;
        }

        if (value is "true" or "1")
        {
            return true;
        }

        errors[name] = [$"{name} must be true or false, got '{value}'."];
        return false;
    }
}

public static class ContainerLogEndpoints
{
    /// <summary>
    /// <c>GET /api/containers/{id}/logs?tail=&amp;since=&amp;follow=&amp;q=&amp;ansi=&amp;format=</c> (Operator, Admin): the
    /// lines as JSON, as a text download, or with <c>follow=true</c> as NDJSON, one line a line, as they are written.
    /// </summary>
    public static IEndpointRouteBuilder MapContainerLogs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/containers/{id}/logs", async (string id, HttpContext context, ContainerLogs logs) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (LogQuery.Parse(context.Request.Query, errors) is not { } query)
            {
                return Results.ValidationProblem(errors);
            }

            var token = context.RequestAborted;
            await using var lines = logs.ReadAsync(id, query.Tail, query.Since, query.Follow, token).GetAsyncEnumerator(token);
            bool any;
            try
            {
                any = await lines.MoveNextAsync();
            }
            catch (ContainerNotFoundException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound);
            }

            if (query.Follow)
            {
                await FollowAsync(context, lines, any, query);
                return Results.Empty;
            }

            var items = new List<LogLine>();
            for (var more = any; more; more = await lines.MoveNextAsync())
            {
                if (query.Shown(lines.Current) is { } shown)
                {
                    items.Add(shown);
                }
            }

            return query.AsText
                ? Results.File(Encoding.UTF8.GetBytes(string.Concat(items.Select(l => $"{l.At:O} {l.Stream} {l.Text}\n"))),
                    "text/plain; charset=utf-8", $"{id[..Math.Min(12, id.Length)]}-logs.txt")
                : Results.Json(new ContainerLogList(items));
        }).RequireAuthorization(Policies.Operate)
        .WithTags("Containers").WithName("GetContainerLogs")
        .WithSummary("A container's log lines (stdout and stderr told apart); with follow=true, new lines as NDJSON as they come")
        .Produces<ContainerLogList>()
        .Produces<LogLine>(StatusCodes.Status200OK, "application/x-ndjson")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task FollowAsync(HttpContext context, IAsyncEnumerator<LogLine> lines, bool any, LogQuery query)
    {
        context.Response.ContentType = "application/x-ndjson";
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        try
        {
            for (var more = any; more; more = await lines.MoveNextAsync())
            {
                if (query.Shown(lines.Current) is { } shown)
                {
                    await context.Response.WriteAsync(JsonSerializer.Serialize(shown, options) + "\n", context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: the engine's stream closes with the enumerator.
        }
    }
}
