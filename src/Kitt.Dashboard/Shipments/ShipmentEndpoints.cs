using System.Globalization;
using System.Security.Claims;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Shipments.Report;
using Kitt.Packing;

namespace Kitt.Dashboard.Shipments;

public static class ShipmentEndpoints
{
    public static IEndpointRouteBuilder MapShipments(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/shipments").RequireAuthorization(Policies.Dispatch).WithTags("Shipments");

        // Read by hand rather than bound, so a value of the wrong type is reported by its field like any other problem.
        api.MapPost("", async (HttpRequest request, ClaimsPrincipal user, ShipmentStore store, CancellationToken token) =>
        {
            var (body, error) = await JsonBody.ReadAsync<ShipmentRequest>(request, "a shipment", token);
            if (body is null)
            {
                return Problem([error!]);
            }

            var result = await store.CreateAsync(body, Callers.Name(user), token);
            return result.Id is { } id
                ? Results.Created($"/api/shipments/{id}", new ShipmentCreated(id))
                : Problem(result.Errors, result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }).Accepts<ShipmentRequest>("application/json")
        .WithName("CreateShipment").WithSummary("Stores a shipment and queues it for packing")
        .Produces<ShipmentCreated>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesValidationProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        api.MapGet("", async (int? take, ShipmentStore store, CancellationToken token) =>
            take is < 1 or > ShipmentStore.MaxList
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["take"] = [$"take must be between 1 and {ShipmentStore.MaxList}, got {take}."] })
                : Results.Json(new ShipmentList(await store.ListAsync(take ?? 200, token))))
            .WithName("ListShipments").WithSummary($"The latest shipments, newest first (take: 1 to {ShipmentStore.MaxList}, 200 when left out)")
            .Produces<ShipmentList>()
            .ProducesValidationProblem();

        api.MapGet("/{id:long}", async (long id, ShipmentStore store, CancellationToken token) =>
            await store.GetAsync(id, token) is { } details ? Results.Json(details) : NotFound(id))
            .WithName("GetShipment").WithSummary("A shipment with its lines and its plan's summary")
            .Produces<ShipmentDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:long}/plan", async (long id, ShipmentStore store, CancellationToken token) =>
            await store.GetPlanAsync(id, token) is { } plan ? Results.Json(plan) : NotFound(id))
            .WithName("GetShipmentPlan").WithSummary("A shipment's packing plan, box by box")
            .Produces<PlanView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:long}/plan.csv", async (long id, ShipmentStore store, CancellationToken token) =>
            await store.GetPlanAsync(id, token) is { } plan
                ? Results.Text(PlanExport.Csv(plan), "text/csv; charset=utf-8")
                : NotFound(id))
            .WithName("ExportShipmentPlan").WithSummary("A shipment's packing plan as CSV, in loading order")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:long}/plan.xlsx", async (long id, ShipmentStore store, CancellationToken token) =>
            await store.GetLoadingAsync(id, token) is { } loading
                ? Results.File(PlanSpreadsheet.Write(loading), PlanSpreadsheet.ContentType, $"{loading.Details.Reference}-plan.xlsx")
                : NoPackedPlan(id))
            .WithName("ExportShipmentPlanWorkbook").WithSummary("A packed plan as .xlsx: a sheet of loading steps with their boxes, one of the summary")
            .Produces(StatusCodes.Status200OK, contentType: PlanSpreadsheet.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:long}/report.pdf", async (long id, HttpResponse response, ShipmentStore store, LoadReports reports, CancellationToken token) =>
            await store.GetLoadingAsync(id, token) is { } loading ? await LoadFiles.ReportAsync(loading, response, reports, token) : NoPackedPlan(id))
            .WithName("GetShipmentLoadReport").WithSummary("The PDF load report: a cover with the plan's figures, each container from two angles, every step with its picture and boxes")
            .Produces(StatusCodes.Status200OK, contentType: LoadReport.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/{id:long}/steps/{step:int}.png", async (long id, int step, ShipmentStore store, CancellationToken token) =>
            await store.GetLoadingAsync(id, token) is { } loading ? LoadFiles.Picture(loading, step) : NoPackedPlan(id))
            .WithName("GetShipmentStepPicture").WithSummary("A loading step drawn as the 3D view shows it: its boxes in colour, earlier ones muted (PNG, 960 × 600)")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:long}/steps", async (long id, ShipmentStore store, CancellationToken token) =>
            await store.GetLoadingAsync(id, token) is { } loading ? Results.Json(loading.Sequence.Steps) : NoPackedPlan(id))
            .WithName("GetShipmentLoadingSteps").WithSummary("A packed plan as loading steps: stacks of one SKU in one orientation, in load order, with their boxes")
            .Produces<IReadOnlyList<LoadingStep>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The body is the file itself (CSV, JSON or .xlsx, told apart by its bytes) or a form with one file field.
        api.MapPost("/import", async (HttpRequest request, CancellationToken token) =>
        {
            var read = await ItemFiles.ReadAsync(request, token);
            return read.Errors.Count == 0
                ? Results.Json(new ItemImportResult(read.Items))
                : Results.ValidationProblem(new Dictionary<string, string[]> { ["items"] = [.. read.Errors] }, title: "The items cannot be imported.");
        })
            .DisableAntiforgery()
            .WithName("ImportShipmentItems").WithSummary("Reads shipment items from CSV, JSON or .xlsx (first sheet, header row) without storing anything")
            .Accepts<string>("text/csv", "application/json", PlanSpreadsheet.ContentType, "multipart/form-data")
            .Produces<ItemImportResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        api.MapPost("/{id:long}/pack", async (long id, ShipmentStore store, CancellationToken token) =>
            await store.QueueAsync(id, token) switch
            {
                true => Results.Accepted($"/api/shipments/{id}/plan", new ShipmentStatusChange(id, ShipmentStatus.Queued)),
                false => Results.Problem("The shipment is already queued or being packed.", statusCode: StatusCodes.Status409Conflict),
                null => NotFound(id),
            })
            .WithName("PackShipment").WithSummary("Queues a shipment for packing (again)")
            .Produces<ShipmentStatusChange>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/{id:long}/cancel", async (long id, ShipmentStore store, CancellationToken token) =>
            await store.CancelAsync(id, token) switch
            {
                true => Results.Ok(new ShipmentStatusChange(id, ShipmentStatus.Cancelled)),
                false => Results.Problem("The shipment is not queued or being packed.", statusCode: StatusCodes.Status409Conflict),
                null => NotFound(id),
            })
            .WithName("CancelShipment").WithSummary("Cancels a shipment that waits for packing or is being packed")
            .Produces<ShipmentStatusChange>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static IResult Problem(IReadOnlyList<FieldError> errors, int status = StatusCodes.Status400BadRequest) =>
        Results.ValidationProblem(ShipmentRules.ByField(errors), statusCode: status,
            title: status == StatusCodes.Status409Conflict ? "The shipment conflicts with a stored one." : "The shipment has invalid fields.");

    private static IResult NoPackedPlan(long id) =>
        Results.Problem($"Shipment {id.ToString(CultureInfo.InvariantCulture)} does not exist or has no packed plan.", statusCode: StatusCodes.Status404NotFound);

    private static IResult NotFound(long id) =>
        Results.Problem($"There is no shipment {id.ToString(CultureInfo.InvariantCulture)}.", statusCode: StatusCodes.Status404NotFound);
}
