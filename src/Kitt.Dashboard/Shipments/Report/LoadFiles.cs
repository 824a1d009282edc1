namespace Kitt.Dashboard.Shipments.Report;

/// <summary>
/// A packed shipment's files as HTTP results, the same for a signed-in Dispatcher and for a share link: the PDF load
/// report (shown in the browser, saved under the reference) and a step's picture.
/// </summary>
public static class LoadFiles
{
    public static async Task<IResult> ReportAsync(ShipmentLoading loading, HttpResponse response, LoadReports reports, CancellationToken cancellationToken)
    {
        if (await reports.WriteAsync(loading, cancellationToken) is not { } pdf)
        {
            response.Headers.RetryAfter = "10";
            return Results.Problem($"{LoadReports.Capacity} load reports are being made; ask again in a few seconds.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // Inline: the button opens the report to read or print; saving it keeps the reference as its name.
        response.Headers.ContentDisposition = $"inline; filename=\"{Safe(loading.Details.Reference)}-load-report.pdf\"";
        return Results.File(pdf, LoadReport.ContentType);
    }

    public static IResult Picture(ShipmentLoading loading, int step) =>
        StepPictures.Png(loading.Sequence, step) is { } png
            ? Results.File(png, "image/png")
            : Results.Problem($"Shipment {loading.Details.Reference} has steps 1 to {loading.Sequence.Steps.Count}, not {step}.", statusCode: StatusCodes.Status404NotFound);

    // A reference is typed by people: keep it a file name that needs no quoting.
    private static string Safe(string reference) => new([.. reference.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
}
