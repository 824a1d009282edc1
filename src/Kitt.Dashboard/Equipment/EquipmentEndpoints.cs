using System.Security.Claims;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Shipments;
using Kitt.Packing;

namespace Kitt.Dashboard.Equipment;

public static class EquipmentEndpoints
{
    public static IEndpointRouteBuilder MapEquipment(this IEndpointRouteBuilder endpoints)
    {
        // Dispatchers read the library to choose a container; Admins add to it.
        var api = endpoints.MapGroup("/api/equipment").RequireAuthorization(Policies.Dispatch).WithTags("Equipment");

        api.MapGet("", async (EquipmentLibrary library, CancellationToken token) => Results.Json(await library.ListAsync(token)))
            .WithName("ListEquipment").WithSummary("The containers and trailers a shipment can name as container.type: the standard ones, then those Admins added")
            .Produces<IReadOnlyList<EquipmentType>>();

        api.MapGet("/{code}", async (string code, EquipmentLibrary library, CancellationToken token) =>
            await library.FindAsync(code, token) is { } found ? Results.Json(found) : NotFound(code))
            .WithName("GetEquipment").WithSummary("One kind of equipment, by its code or an alias such as its ISO 6346 size-type code")
            .Produces<EquipmentType>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/{code}", async (string code, HttpRequest request, ClaimsPrincipal user, EquipmentLibrary library, CancellationToken token) =>
        {
            var (body, error) = await JsonBody.ReadAsync<EquipmentInput>(request, "the equipment", token);
            if (body is null)
            {
                return Problem([error!]);
            }

            var saved = await library.SaveAsync(code, body, Callers.Name(user), token);
            return saved.Equipment is not { } equipment ? Problem(saved.Errors)
                : saved.Created ? Results.Created($"/api/equipment/{equipment.Code}", equipment)
                : Results.Json(equipment);
        }).RequireAuthorization(Policies.Administer).Accepts<EquipmentInput>("application/json")
        .WithName("SaveEquipment").WithSummary("Adds custom equipment under a code, or replaces it; shipments stored before keep their sizes")
        .Produces<EquipmentType>()
        .Produces<EquipmentType>(StatusCodes.Status201Created)
        .ProducesValidationProblem();

        api.MapDelete("/{code}", async (string code, EquipmentLibrary library, CancellationToken token) =>
            StandardEquipment.All.Any(e => e.IsNamed(code))
                ? Results.Problem($"{code} is standard equipment and stays in the library.", statusCode: StatusCodes.Status409Conflict)
                : await library.RemoveAsync(code, token) ? Results.NoContent() : NotFound(code))
            .RequireAuthorization(Policies.Administer)
            .WithName("RemoveEquipment").WithSummary("Removes custom equipment; shipments loaded into it keep their sizes")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return endpoints;
    }

    private static IResult Problem(IReadOnlyList<FieldError> errors) =>
        Results.ValidationProblem(ShipmentRules.ByField(errors), title: "The equipment has invalid fields.");

    private static IResult NotFound(string code) =>
        Results.Problem($"There is no equipment '{code}'.", statusCode: StatusCodes.Status404NotFound);
}
