using System.Globalization;
using System.Security.Claims;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Shipments.Report;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// Share links: Dispatchers make, list and revoke them under the shipment; the crew opens <c>/share/{token}</c> (a
/// page) and its workbook without an account — the only addresses a token opens.
/// </summary>
public static class ShareLinkEndpoints
{
    public static IEndpointRouteBuilder MapShareLinks(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/shipments/{id:long}/share-links").RequireAuthorization(Policies.Dispatch).WithTags("Shipments");

        api.MapPost("", async (long id, int? hours, ClaimsPrincipal user, ShareLinks links, CancellationToken token) =>
        {
            var max = (int)ShareLinks.MaxLifetime.TotalHours;
            if (hours is < 1 || hours > max)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["hours"] = [$"a link lasts 1 to {max} hours, got {hours}"] });
            }

            var lifetime = hours is { } h ? TimeSpan.FromHours(h) : ShareLinks.DefaultLifetime;
            return await links.CreateAsync(id, lifetime, Callers.Name(user), token) is { } created
                ? Results.Created(created.Path, created)
                : Results.Problem($"There is no packed shipment {id.ToString(CultureInfo.InvariantCulture)} to share.", statusCode: StatusCodes.Status404NotFound);
        })
        .WithName("CreateShareLink").WithSummary("Makes a signed, expiring, read-only link to a packed shipment's loading steps (hours: 1 to 168, 24 when left out)")
        .Produces<ShareLinkCreated>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("", async (long id, ShareLinks links, CancellationToken token) => Results.Json(await links.ListAsync(id, token)))
            .WithName("ListShareLinks").WithSummary("A shipment's share links, newest first, without their tokens")
            .Produces<IReadOnlyList<ShareLinkView>>();

        api.MapDelete("/{linkId}", async (long id, string linkId, ClaimsPrincipal user, ShareLinks links, CancellationToken token) =>
            await links.RevokeAsync(id, linkId, Callers.Name(user), token)
                ? Results.NoContent()
                : Results.Problem($"Shipment {id.ToString(CultureInfo.InvariantCulture)} has no share link {linkId}.", statusCode: StatusCodes.Status404NotFound))
            .WithName("RevokeShareLink").WithSummary("Revokes a share link: it opens nothing from then on")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapShared(endpoints, "plan.xlsx", (loading, _, _) => Task.FromResult(
                Results.File(PlanSpreadsheet.Write(loading), PlanSpreadsheet.ContentType, $"{loading.Details.Reference}-plan.xlsx")))
            .WithName("OpenSharedPlanWorkbook").WithSummary("The plan workbook a share link opens, without an account")
            .Produces(StatusCodes.Status200OK, contentType: PlanSpreadsheet.ContentType);
        MapShared(endpoints, "report.pdf", (loading, http, _) =>
                LoadFiles.ReportAsync(loading, http.Response, http.RequestServices.GetRequiredService<LoadReports>(), http.RequestAborted))
            .WithName("OpenSharedLoadReport").WithSummary("The PDF load report a share link opens, without an account")
            .Produces(StatusCodes.Status200OK, contentType: LoadReport.ContentType);
        MapShared(endpoints, "steps/{step:int}.png", (loading, _, step) => Task.FromResult(LoadFiles.Picture(loading, step ?? 0)))
            .WithName("OpenSharedStepPicture").WithSummary("A step's picture a share link opens, without an account")
            .Produces(StatusCodes.Status200OK, contentType: "image/png");
        return endpoints;
    }

    // A file under /share/{token}/: opened without an account, never kept by the browser or a proxy, refused as the page is.
    private static RouteHandlerBuilder MapShared(IEndpointRouteBuilder endpoints, string file, Func<ShipmentLoading, HttpContext, int?, Task<IResult>> result) =>
        endpoints.MapGet($"/share/{{token}}/{file}", async (string token, int? step, HttpContext http, ShareLinks links, CancellationToken cancellationToken) =>
        {
            var opened = await links.OpenAsync(token, cancellationToken);
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            return opened.Loading is { } loading
                ? await result(loading, http, step)
                : Results.Problem(opened.Refusal, statusCode: opened.Gone ? StatusCodes.Status410Gone : StatusCodes.Status403Forbidden);
        })
        .AllowAnonymous()
        .WithTags("Share links")
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status410Gone)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
