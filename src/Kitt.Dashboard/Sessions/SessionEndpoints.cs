using Kitt.Dashboard.Security;

namespace Kitt.Dashboard.Sessions;

public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder endpoints)
    {
        // Open sessions (browser tabs and KITT socket clients), oldest first.
        endpoints.MapGet("/api/sessions", (CircuitTracker tracker) => Results.Json(new SessionList(tracker.Sessions)))
            .RequireAuthorization(Policies.Operate)
            .WithTags("Sessions").WithName("ListSessions").WithSummary("Open browser tabs and KITT socket clients, oldest first")
            .Produces<SessionList>();

        // The stored event log, newest first.
        endpoints.MapGet("/api/sessions/events", async (int? take, SessionLog log, CancellationToken ct) =>
        {
            var count = take ?? 100;
            if (count is < 1 or > SessionLog.MaxTake)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["take"] = [$"take must be between 1 and {SessionLog.MaxTake}."],
                });
            }

            return Results.Json(new SessionEventList(await log.RecentAsync(count, ct)));
        }).RequireAuthorization(Policies.Operate)
        .WithTags("Sessions").WithName("ListSessionEvents")
        .WithSummary($"The latest session changes, newest first (take: 1 to {SessionLog.MaxTake}, 100 when left out)")
        .Produces<SessionEventList>()
        .ProducesValidationProblem();
        return endpoints;
    }
}
