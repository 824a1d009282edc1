using Kitt.Dashboard.Data;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Security;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts.Silencing;

/// <summary>Silences and acknowledgements over REST, for Operators, Analysts and Admins: the people who take alerts up.</summary>
public static class SilenceEndpoints
{
    public static IEndpointRouteBuilder MapSilencesAndAcks(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/alerts").RequireAuthorization(Policies.Respond).WithTags("Alerts");

        api.MapGet("/silences", async (bool? expired, Silences silences, CancellationToken ct) => Results.Json(await silences.ListAsync(expired ?? false, ct)))
            .WithName("ListSilences").WithSummary("Silences in force and to come, newest end first; with expired=true, ended ones too")
            .Produces<IReadOnlyList<SilenceView>>();

        api.MapGet("/silences/{id:long}", async (long id, Silences silences, CancellationToken ct) =>
            await silences.FindAsync(id, ct) is { } silence ? Results.Json(silence) : NoSuchSilence(id))
            .WithName("GetSilence").WithSummary("One silence").Produces<SilenceView>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/silences", async (HttpRequest request, Silences silences, CancellationToken ct) =>
        {
            var (body, error) = await JsonBody.ReadAsync<SilenceRequest>(request, "a silence", ct);
            if (body is null)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [error!.Field] = [error.Message] });
            }

            var (silence, problems) = await silences.CreateAsync(body, Callers.Name(request.HttpContext.User), ct);
            return silence is null ? Results.ValidationProblem(problems) : Results.Created($"/api/alerts/silences/{silence.Id}", silence);
        }).Accepts<SilenceRequest>("application/json")
        .WithName("CreateSilence").WithSummary("Silences the alerts matching every matcher (Alertmanager's shape), from startsAt (now) to endsAt")
        .Produces<SilenceView>(StatusCodes.Status201Created).ProducesValidationProblem();

        api.MapPut("/silences/{id:long}", async (long id, HttpRequest request, Silences silences, CancellationToken ct) =>
        {
            var (body, error) = await JsonBody.ReadAsync<SilenceChange>(request, "a change", ct);
            if (body is null)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [error!.Field] = [error.Message] });
            }

            return await silences.ChangeAsync(id, body, ct) switch
            {
                null => NoSuchSilence(id),
                ({ } silence, _) => Results.Json(silence),
                (_, var problems) => Results.ValidationProblem(problems),
            };
        }).Accepts<SilenceChange>("application/json")
        .WithName("ChangeSilence").WithSummary("Extends or shortens a silence, or changes its comment")
        .Produces<SilenceView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/silences/{id:long}", async (long id, Silences silences, CancellationToken ct) =>
            await silences.ExpireAsync(id, ct) is { } silence ? Results.Json(silence) : NoSuchSilence(id))
            .WithName("ExpireSilence").WithSummary("Ends a silence now; it stays listed as expired")
            .Produces<SilenceView>().ProducesProblem(StatusCodes.Status404NotFound);

        // "Silence for 1 h" from an alert row or the sidebar: that rule on that source.
        api.MapPost("/{id:long}/silence", async (long id, int? hours, HttpContext context, Silences silences, IDbContextFactory<KittDbContext> dbFactory, CancellationToken ct) =>
        {
            if (hours is < 1 or > 24 * 365)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["hours"] = ["must be 1 to 8760"] });
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await db.Alerts.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Type, a.Source, a.Title }).FirstOrDefaultAsync(ct) is not { } alert)
            {
                return Results.Problem($"There is no alert {id}.", statusCode: StatusCodes.Status404NotFound);
            }

            var (silence, problems) = await silences.SilenceRuleOnSourceAsync(id, alert.Type, alert.Source, alert.Title,
                TimeSpan.FromHours(hours ?? 1), Callers.Name(context.User), ct);
            return silence is null ? Results.ValidationProblem(problems) : Results.Created($"/api/alerts/silences/{silence.Id}", silence);
        }).WithName("SilenceAlert").WithSummary("Silences an alert's rule on its source for some hours (1 when left out)")
        .Produces<SilenceView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{id:long}/ack", async (long id, AckRequest? body, HttpContext context, AlertAcks acks, CancellationToken ct) =>
        {
            if (body?.Comment is { Length: > AlertAcks.MaxComment })
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["comment"] = [$"must have at most {AlertAcks.MaxComment} characters"] });
            }

            return await acks.AckAsync(id, Callers.Name(context.User), body?.Comment, ct) switch
            {
                AckOutcome.Done => Results.NoContent(),
                AckOutcome.NotFiring => Results.Problem($"Alert {id} is resolved: only a firing alert is acknowledged.", statusCode: StatusCodes.Status409Conflict),
                _ => Results.Problem($"There is no alert {id}.", statusCode: StatusCodes.Status404NotFound),
            };
        }).WithName("AcknowledgeAlert").WithSummary("Takes a firing alert up: who and when are stored with an optional comment, and its repeat notifications stop")
        .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapDelete("/{id:long}/ack", async (long id, AlertAcks acks, CancellationToken ct) =>
            await acks.UnackAsync(id, ct) ? Results.NoContent() : Results.Problem($"There is no alert {id}.", statusCode: StatusCodes.Status404NotFound))
            .WithName("UnacknowledgeAlert").WithSummary("Takes an acknowledgement back")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static IResult NoSuchSilence(long id) => Results.Problem($"There is no silence {id}.", statusCode: StatusCodes.Status404NotFound);
}

/// <summary>The optional body of <c>POST /api/alerts/{id}/ack</c>.</summary>
public sealed record AckRequest(string? Comment);
