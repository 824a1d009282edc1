using System.Security.Claims;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Shipments;
using Kitt.Packing;

namespace Kitt.Dashboard.Items;

/// <summary>The item library at <c>/api/items</c>: Dispatchers read, edit, import and export it.</summary>
public static class ItemEndpoints
{
    public static IEndpointRouteBuilder MapItemLibrary(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/items").RequireAuthorization(Policies.Dispatch).WithTags("Item library");

        api.MapGet("", async (ItemLibrary library, CancellationToken token) => Results.Json(await library.ListAsync(token)))
            .WithName("ListLibraryItems").WithSummary("The SKUs a shipment line can name with only a quantity, by SKU")
            .Produces<IReadOnlyList<LibraryItemView>>();

        api.MapGet("/{sku}", async (string sku, ItemLibrary library, CancellationToken token) =>
            await library.FindAsync(sku, token) is { } found ? Results.Json(found) : NotFound(sku))
            .WithName("GetLibraryItem").WithSummary("One SKU of the library, in any case")
            .Produces<LibraryItemView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/{sku}", async (string sku, HttpRequest request, ClaimsPrincipal user, ItemLibrary library, CancellationToken token) =>
        {
            var (body, error) = await JsonBody.ReadAsync<ItemInput>(request, "the item", token);
            if (body is null)
            {
                return Problem([error!]);
            }

            var saved = await library.SaveAsync(sku, body, Callers.Name(user), token);
            return saved.Item is not { } item ? Problem(saved.Errors)
                : saved.Created ? Results.Created($"/api/items/{Uri.EscapeDataString(item.Sku)}", item)
                : Results.Json(item);
        }).Accepts<ItemInput>("application/json")
        .WithName("SaveLibraryItem").WithSummary("Adds a SKU (length, width, height, weightKg, thisSideUp, fragile, floorOnly, maxLoadKg) or replaces it; shipments stored before keep their lines")
        .Produces<LibraryItemView>()
        .Produces<LibraryItemView>(StatusCodes.Status201Created)
        .ProducesValidationProblem();

        api.MapDelete("/{sku}", async (string sku, ItemLibrary library, CancellationToken token) =>
            await library.RemoveAsync(sku, token) ? Results.NoContent() : NotFound(sku))
            .WithName("RemoveLibraryItem").WithSummary("Removes a SKU; shipments that used it keep their lines")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The same files as the shipment form takes (CSV, JSON or .xlsx, raw or as a form); quantities and stops are ignored.
        api.MapPost("/import", async (HttpRequest request, ClaimsPrincipal user, ItemLibrary library, CancellationToken token) =>
        {
            var read = await ItemFiles.ReadAsync(request, token);
            if (read.Errors.Count > 0)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["items"] = [.. read.Errors] }, title: "The items cannot be imported.");
            }

            var imported = await library.ImportAsync(read.Items, Callers.Name(user), token);
            return imported.Errors.Count == 0 ? Results.Json(imported) : Problem(imported.Errors);
        })
        .WithName("ImportLibraryItems").WithSummary("Adds or updates SKUs from a CSV, JSON or .xlsx file: all of them, or none when any has a problem")
        .Produces<ItemsImported>()
        .ProducesValidationProblem();

        endpoints.MapGet("/api/items.csv", async (ItemLibrary library, CancellationToken token) =>
                Results.Text(LibraryFiles.Csv(await library.ListAsync(token)), "text/csv", System.Text.Encoding.UTF8))
            .RequireAuthorization(Policies.Dispatch).WithTags("Item library")
            .WithName("ExportLibraryItemsCsv").WithSummary("The library as CSV, in the columns the import and the shipment form read");
        endpoints.MapGet("/api/items.xlsx", async (ItemLibrary library, CancellationToken token) =>
                Results.File(LibraryFiles.Workbook(await library.ListAsync(token)), PlanSpreadsheet.ContentType, "item-library.xlsx"))
            .RequireAuthorization(Policies.Dispatch).WithTags("Item library")
            .WithName("ExportLibraryItemsWorkbook").WithSummary("The library as .xlsx, in the columns the import and the shipment form read");
        return endpoints;
    }

    private static IResult Problem(IReadOnlyList<FieldError> errors) =>
        Results.ValidationProblem(ShipmentRules.ByField(errors), title: "The item has invalid fields.");

    private static IResult NotFound(string sku) =>
        Results.Problem($"The item library has no SKU '{sku}'.", statusCode: StatusCodes.Status404NotFound);
}
