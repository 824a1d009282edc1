using Kitt.Dashboard.Security;

namespace Kitt.Dashboard.Containers;

/// <summary>The body of <c>GET /api/containers/audit</c>: the actions asked of the engine, newest first.</summary>
public sealed record ContainerAuditList(IReadOnlyList<ContainerAuditEntry> Items);

public static class ContainerActionEndpoints
{
    /// <summary>
    /// <c>POST /api/containers/{id}/start|stop|restart</c> (Operator, Admin; 403 when <c>Docker:AllowActions</c> is off)
    /// and <c>GET /api/containers/audit</c> (Admin).
    /// </summary>
    public static IEndpointRouteBuilder MapContainerActions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/containers/{id}/{action:regex(^(start|stop|restart)$)}", async (string id, string action, HttpContext context, ContainerActions actions, CancellationToken ct) =>
        {
            if (!actions.Allowed)
            {
                return Results.Problem("Docker:AllowActions is off: this dashboard only watches containers.", statusCode: StatusCodes.Status403Forbidden);
            }

            var entry = await actions.RunAsync(id, action, Callers.Name(context.User), ct);
            return entry.Result switch
            {
                "not-found" => Results.Problem(entry.Error, statusCode: StatusCodes.Status404NotFound),
                "failed" => Results.Problem($"The engine did not {action} {entry.ContainerName}: {entry.Error}", statusCode: StatusCodes.Status502BadGateway),
                _ => Results.Json(entry),
            };
        }).RequireAuthorization(Policies.Operate)
        .WithTags("Containers").WithName("ActOnContainer")
        .WithSummary("Starts, stops or restarts a container; the audit log keeps who asked, when, and how it went")
        .Produces<ContainerAuditEntry>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status502BadGateway);

        endpoints.MapGet("/api/containers/audit", async (int? take, ContainerActions actions, CancellationToken ct) =>
        {
            if (take is < 1 or > 1000)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["take"] = ["take must be between 1 and 1000."] });
            }

            return Results.Json(new ContainerAuditList(await actions.AuditAsync(take ?? 100, ct)));
        }).RequireAuthorization(Policies.Administer)
        .WithTags("Containers").WithName("GetContainerAudit").WithSummary("Starts, stops and restarts asked of the engine, newest first")
        .Produces<ContainerAuditList>()
        .ProducesValidationProblem();
        return endpoints;
    }
}
