using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Security;
using Kitt.Packing;

namespace Kitt.Dashboard.Shipments;

public static class ShipmentEndpoints
{
    public static IEndpointRouteBuilder MapShipments(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/shipments").RequireAuthorization(Policies.Dispatch);

        // Read by hand rather than bound, so a value of the wrong type is reported by its field like any other problem.
        api.MapPost("", async (HttpRequest request, ClaimsPrincipal user, ShipmentStore store, CancellationToken token) =>
        {
            ShipmentRequest? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<ShipmentRequest>(request.Body, ShipmentStore.Json, token);
            }
            catch (JsonException ex)
            {
                var field = FieldOf(ex.Path);
                return Problem([new FieldError(field, "is not valid JSON of the expected type" + (ex.LineNumber is { } l ? $" (line {l + 1})" : ""))]);
            }

            if (body is null)
            {
                return Problem([new FieldError("body", "a shipment is required")]);
            }

            var result = await store.CreateAsync(body, Callers.Name(user), token);
            return result.Created
                ? Results.Created($"/api/shipments/{result.Id}", new { id = result.Id })
                : Problem(result.Errors, result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }).Accepts<ShipmentRequest>("application/json");

        api.MapGet("", async (int? take, ShipmentStore store, CancellationToken token) =>
            take is < 1 or > ShipmentStore.MaxList
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["take"] = [$"take must be between 1 and {ShipmentStore.MaxList}, got {take}."] })
                : Results.Json(new { items = await store.ListAsync(take ?? 200, token) }));

        api.MapGet("/{id:long}", async (long id, ShipmentStore store, CancellationToken token) =>
            await store.GetAsync(id, token) is { } details ? Results.Json(details) : NotFound(id));

        api.MapGet("/{id:long}/plan", async (long id, ShipmentStore store, CancellationToken token) =>
            await store.GetPlanAsync(id, token) is { } plan ? Results.Json(plan) : NotFound(id));

        api.MapGet("/{id:long}/plan.csv", async (long id, ShipmentStore store, CancellationToken token) =>
            await store.GetPlanAsync(id, token) is { } plan
                ? Results.Text(PlanExport.Csv(plan), "text/csv; charset=utf-8")
                : NotFound(id));

        api.MapPost("/{id:long}/pack", async (long id, ShipmentStore store, CancellationToken token) =>
            await store.QueueAsync(id, token) switch
            {
                true => Results.Accepted($"/api/shipments/{id}/plan", new { id, status = ShipmentStatus.Queued }),
                false => Results.Problem("The shipment is already queued or being packed.", statusCode: StatusCodes.Status409Conflict),
                null => NotFound(id),
            });

        api.MapPost("/{id:long}/cancel", async (long id, ShipmentStore store, CancellationToken token) =>
            await store.CancelAsync(id, token) switch
            {
                true => Results.Ok(new { id, status = ShipmentStatus.Cancelled }),
                false => Results.Problem("The shipment is not queued or being packed.", statusCode: StatusCodes.Status409Conflict),
                null => NotFound(id),
            });
        return endpoints;
    }

    private static IResult Problem(IReadOnlyList<FieldError> errors, int status = StatusCodes.Status400BadRequest) =>
        Results.ValidationProblem(ShipmentRules.ByField(errors), statusCode: status,
            title: status == StatusCodes.Status409Conflict ? "The shipment conflicts with a stored one." : "The shipment has invalid fields.");

    private static IResult NotFound(long id) =>
        Results.Problem($"There is no shipment {id.ToString(CultureInfo.InvariantCulture)}.", statusCode: StatusCodes.Status404NotFound);

    /// <summary><c>$.items[0].length</c> as the API spells fields: <c>items[0].length</c>.</summary>
    internal static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$').TrimStart('.');
}
