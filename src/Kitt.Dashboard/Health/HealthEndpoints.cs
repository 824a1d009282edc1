using Kitt.Dashboard.Sockets;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Hosting;
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

        endpoints.MapHealthProbes();
        endpoints.MapGet("/health", async (
            StartupWork startup,
            ComponentStates states,
            IDbContextFactory<KittDbContext> dbFactory,
            TimeProvider clock,
            CancellationToken cancellationToken) =>
        {
            var report = await HealthReport.CheckAsync(startup.IsReady ? null : startup.Stage, states, dbFactory, clock, cancellationToken);
            return Results.Json(report, statusCode: report.IsUnhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        }).AllowAnonymous()
        .WithTags("Health").WithName("GetHealth").WithSummary("Whether the dashboard and its sources work; 503 when the database is out of reach")
        .Produces<HealthReport>()
        .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);

        endpoints.MapGet("/stats", (ITopicHub hub, CircuitTracker circuits, KittConnections sockets, TimeProvider clock) =>
            Results.Json(StatsReport.Create(hub, circuits, sockets, clock, startedAt)))
            .RequireAuthorization(Policies.Operate)
            .WithTags("Health").WithName("GetStats").WithSummary("Traffic of the live hub, browser circuits and KITT socket clients")
            .Produces<StatsReport>();

        return endpoints;
    }
}
