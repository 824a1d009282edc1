using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Security;

namespace Kitt.Dashboard.Alerts.Routing;

/// <summary>
/// <c>/api/alerts/receivers</c> and <c>/api/alerts/routes</c>, for Admins: the configured ones to read, the
/// dashboard's own to change. A change reaches the notifier within seconds, without a restart.
/// </summary>
public static class RoutingEndpoints
{
    public static IEndpointRouteBuilder MapAlertRouting(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/alerts").RequireAuthorization(Policies.Administer).WithTags("Alerts");

        api.MapGet("/receivers", async (NotificationSettings settings, CancellationToken ct) =>
        {
            await settings.RefreshIfStaleAsync(ct);
            return Results.Json(settings.Current.Receivers);
        }).WithName("ListAlertReceivers").WithSummary("Every receiver, configured or set in the dashboard, without its secrets")
        .Produces<IReadOnlyList<ReceiverView>>();

        api.MapPut("/receivers/{name}", async (string name, HttpRequest request, NotificationSettings settings, CancellationToken ct) =>
        {
            var (body, error) = await JsonBody.ReadAsync<ReceiverSpec>(request, "a receiver", ct);
            if (body is null)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [error!.Field] = [error.Message] });
            }

            await settings.LoadAsync(ct);
            var existed = settings.Current.Receivers.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
            var outcome = await settings.SaveReceiverAsync(name, body, Callers.Name(request.HttpContext.User), ct);
            return outcome switch
            {
                { Conflict: { } conflict } => Results.Problem(conflict, statusCode: StatusCodes.Status409Conflict),
                { Problems: { } problems } => Results.ValidationProblem(problems),
                _ when existed => Results.Json(outcome.Saved),
                _ => Results.Created($"/api/alerts/receivers/{name}", outcome.Saved),
            };
        }).Accepts<ReceiverSpec>("application/json")
        .WithName("SetAlertReceiver").WithSummary("Creates or changes a receiver of the dashboard's; secrets left out are kept, and a webhook made without one gets a signing key, shown this once")
        .Produces<ReceiverSaved>().Produces<ReceiverSaved>(StatusCodes.Status201Created)
        .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        api.MapDelete("/receivers/{name}", async (string name, NotificationSettings settings, CancellationToken ct) =>
            await settings.DeleteReceiverAsync(name, ct) switch
            {
                null => Results.Problem($"There is no receiver {name} set in the dashboard.", statusCode: StatusCodes.Status404NotFound),
                { Conflict: { } conflict } => Results.Problem(conflict, statusCode: StatusCodes.Status409Conflict),
                _ => Results.NoContent(),
            })
            .WithName("DeleteAlertReceiver").WithSummary("Removes a receiver of the dashboard's; what waits for it is not sent")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/routes", async (NotificationSettings settings, CancellationToken ct) =>
        {
            await settings.RefreshIfStaleAsync(ct);
            return Results.Json(settings.Current.Routes);
        }).WithName("ListAlertRoutes").WithSummary("The routes in the order they are tried: the configured ones, then the dashboard's")
        .Produces<IReadOnlyList<RouteView>>();

        api.MapPut("/routes", async (HttpRequest request, NotificationSettings settings, CancellationToken ct) =>
        {
            var (body, error) = await JsonBody.ReadAsync<List<RouteSpec>>(request, "a list of routes", ct);
            if (body is null)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [error!.Field] = [error.Message] });
            }

            var outcome = await settings.SaveRoutesAsync(body, Callers.Name(request.HttpContext.User), ct);
            return outcome.Problems is { } problems ? Results.ValidationProblem(problems) : Results.Json(settings.Current.Routes);
        }).Accepts<List<RouteSpec>>("application/json")
        .WithName("SetAlertRoutes").WithSummary("Replaces the dashboard's routes, tried in this order after the configured ones")
        .Produces<IReadOnlyList<RouteView>>().ProducesValidationProblem();
        return endpoints;
    }
}
