using Kitt.Dashboard.Sockets;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Health;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        var startedAt = TimeProvider.System.GetUtcNow();

        endpoints.MapGet("/health", async (
            ComponentStates states,
            IDbContextFactory<KittDbContext> dbFactory,
            TimeProvider clock,
            CancellationToken cancellationToken) =>
        {
            var report = await HealthReport.CheckAsync(states, dbFactory, clock, cancellationToken);
            return Results.Json(report, statusCode: report.IsUnhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        }).AllowAnonymous();

        endpoints.MapGet("/stats", (ITopicHub hub, CircuitTracker circuits, KittConnections sockets, TimeProvider clock) =>
            Results.Json(StatsReport.Create(hub, circuits, sockets, clock, startedAt)))
            .RequireAuthorization(Policies.Operate);

        return endpoints;
    }
}
