using Kitt.Dashboard.Security;

namespace Kitt.Dashboard.Sessions;

public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Open browser sessions, oldest first.
        endpoints.MapGet("/api/sessions", (CircuitTracker tracker) => Results.Json(new { items = tracker.Sessions }))
            .RequireAuthorization(Policies.Operate);
        return endpoints;
    }
}
