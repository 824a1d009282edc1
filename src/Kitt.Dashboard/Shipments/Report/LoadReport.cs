using SkiaSharp;
using static Kitt.Dashboard.Shipments.LoadFacts;

namespace Kitt.Dashboard.Shipments.Report;

/// <summary>
/// The PDF load report a crew carries to the container: a cover with the shipment and the plan's figures, each
/// container from two angles, then every loading step with its picture and its boxes. The shipment's reference and the
/// page number are on every page. Drawn with SkiaSharp's PDF backend, the same drawing as the step pictures.
/// </summary>
public static class LoadReport
{
    public const string ContentType = "application/pdf";

    // Pixels per point: 108 dpi, sharp enough printed for a loader to count boxes; every pixel more costs drawing time.
    private const float PictureScale = 1.5f;
    private const float StepPictureWidth = 400f;
    private const float StepPictureHeight = 250f;
    private const float OverviewWidth = PageFlow.ContentWidth;
    private const float OverviewHeight = 300f;
    private const float RowHeight = 12f;

    // The box table's columns: heading and left edge from the margin.
    private static readonly (string Heading, float X)[] Columns =
        [("Box", 0), ("SKU", 30), ("Position x, y, z (cm)", 140), ("Size as loaded (cm)", 240), ("Orientation", 335), ("Weight", 440), ("Stop", 487)];

    public static byte[] Write(ShipmentLoading loading, DateTimeOffset generatedAt, CancellationToken cancellationToken = default)
    {
        using var output = new MemoryStream();
        Write(loading, generatedAt, output, cancellationToken);
        return output.ToArray();
    }

    /// <param name="cancellationToken">Checked page by page: a report nobody waits for any more stops.</param>
    public static void Write(ShipmentLoading loading, DateTimeOffset generatedAt, Stream output, CancellationToken cancellationToken = default)
    {
        using var text = new ReportText();
        var flow = new PageFlow();
        using var pictures = new PictureQueue();
        var sequence = loading.Sequence;
        var stepScenes = new StepPictures.Scenes(sequence, ViewAngle.DoorLeft, Pixels(StepPictureWidth), Pixels(StepPictureHeight));

        Cover(flow, text, loading, generatedAt);
        var containers = sequence.Steps.Select(s => s.Container).Distinct().Order().ToList();
        foreach (var container in containers)
        {
            Overview(flow, text, pictures, loading, container, containers.Count);
        }

        flow.NewPage();
        foreach (var step in sequence.Steps)
        {
            Step(flow, text, pictures, sequence, stepScenes, step, containers.Count);
        }

        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"Load report {loading.Details.Reference}",
            Subject = $"Loading steps for shipment {loading.Details.Reference}",
            Creator = "Kitt.Dashboard",
            Producer = "Kitt.Dashboard",
            Creation = generatedAt.UtcDateTime,
            RasterDpi = 108,
        };
        using var document = SKDocument.CreatePdf(output, metadata)
            ?? throw new InvalidOperationException("A PDF document cannot be made.");
        var stamp = generatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        flow.Render(document, (canvas, page, pages) => Chrome(canvas, text, loading.Details.Reference, stamp, page, pages), cancellationToken);
        document.Close();
    }

    private static int Pixels(float points) => (int)(points * PictureScale);

    // The reference and the generation time at the head of each page, the page number at its foot.
    private static void Chrome(SKCanvas canvas, ReportText text, string reference, string stamp, int page, int pages)
    {
        var head = PageFlow.Margin + 10;
        canvas.DrawText($"Load report · {reference}", PageFlow.Margin, head, SKTextAlign.Left, text.Strong, text.Ink);
        canvas.DrawText($"generated {stamp} UTC", PageFlow.PageWidth - PageFlow.Margin, head, SKTextAlign.Right, text.Small, text.Muted);
        canvas.DrawLine(PageFlow.Margin, head + 5, PageFlow.PageWidth - PageFlow.Margin, head + 5, text.Rule);
        var foot = PageFlow.PageHeight - PageFlow.Margin;
        canvas.DrawText(reference, PageFlow.Margin, foot, SKTextAlign.Left, text.Small, text.Muted);
        canvas.DrawText($"Page {page} of {pages}", PageFlow.PageWidth - PageFlow.Margin, foot, SKTextAlign.Right, text.Small, text.Muted);
    }

    private static void Cover(PageFlow flow, ReportText text, ShipmentLoading loading, DateTimeOffset generatedAt)
    {
        var d = loading.Details;
        flow.Space(20);
        Paragraph(flow, "Load report", text.Title, text.Ink);
        Paragraph(flow, $"{d.Reference} · shipment {d.Id} · {d.Origin} → {d.Destination}", text.Heading, text.Ink);
        flow.Space(14);
        foreach (var fact in LoadFacts.Of(loading))
        {
            Pair(flow, text, fact.Name, fact.Text);
        }

        var plan = loading.Sequence.Plan;
        if (plan.Risk is { Factors.Count: > 0 } risk)
        {
            Heading(flow, text, "Damage risk factors");
            foreach (var factor in risk.Factors)
            {
                Paragraph(flow, Invariant($"+{factor.Points:0.#} {factor.Name}: {factor.Detail}"), text.Body, text.Ink);
            }
        }

        if (plan.Unplaced.Count > 0)
        {
            Heading(flow, text, "Not loaded");
            foreach (var line in plan.Unplaced)
            {
                Paragraph(flow, Invariant($"{line.Quantity} × {line.Sku}: {line.Reason}"), text.Body, text.Ink);
            }
        }

        flow.Space(14);
        Paragraph(flow, "Load the steps in order. Each step is a stack of one SKU in one orientation; its boxes go in back to front, bottom to top. "
            + "Positions are of the corner nearest the back wall (x), the left wall (y) and the floor (z), in cm. A step rests only on the floor or on earlier steps.",
            text.Body, text.Muted);
        Paragraph(flow, $"Made by {d.CreatedBy}; packed {d.CompletedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "—"} UTC.",
            text.Small, text.Muted);
    }

    // A container as loaded, from the browser's default view and from the opposite corner.
    private static void Overview(PageFlow flow, ReportText text, PictureQueue pictures, ShipmentLoading loading, int container, int containers)
    {
        var sequence = loading.Sequence;
        var boxes = sequence.Plan.Placements.Where(p => p.Container == container).ToList();
        var c = sequence.Plan.ContainerAt(container);
        var volume = c.Length * c.Width * c.Height;
        var steps = sequence.Steps.Where(s => s.Container == container).ToList();
        flow.NewPage();
        Heading(flow, text, containers > 1 ? $"Container {container + 1} of {containers}" : "The container as loaded");
        Paragraph(flow, Invariant($"{(c.Type is { } type ? type + ", " : "")}{c.Length} × {c.Width} × {c.Height} cm · {boxes.Count} boxes, ")
            + Invariant($"{boxes.Sum(b => b.WeightKg):0.#} kg · utilisation {(volume > 0 ? boxes.Sum(b => b.Length * b.Width * b.Height) / volume * 100 : 0):0.0} % · ")
            + Invariant($"steps {steps.FirstOrDefault()?.Number ?? 0} to {steps.LastOrDefault()?.Number ?? 0}"), text.Body, text.Muted);
        foreach (var angle in new[] { ViewAngle.DoorLeft, ViewAngle.BackRight })
        {
            flow.Space(8);
            var scenes = new StepPictures.Scenes(sequence, angle, Pixels(OverviewWidth), Pixels(OverviewHeight));
            Picture(flow, pictures, () => scenes.Loaded(container), OverviewWidth, OverviewHeight);
            Paragraph(flow, $"Seen {angle.Name}.", text.Small, text.Muted);
        }
    }

    private static void Step(PageFlow flow, ReportText text, PictureQueue pictures, LoadingSequence sequence, StepPictures.Scenes scenes, LoadingStep step, int containers)
    {
        var index = step.Number - 1;
        var title = $"Step {step.Number} of {sequence.Steps.Count}" + (containers > 1 ? $" · container {step.Container + 1}" : "");
        var detail = Invariant($"{step.Orientation} · {step.WeightKg:0.#} kg, {step.LoadedKg:0.#} kg loaded so far") + (step.Fragile ? " · fragile" : "");
        var summary = ReportText.Wrap(step.Summary, text.Body, PageFlow.ContentWidth);
        // The heading stays with the picture, the table's head and its first box.
        var keep = ReportText.Leading(text.Body) * (summary.Count + 1) + StepPictureHeight + 8 + RowHeight * 2;
        flow.Space(10);
        flow.Add(ReportText.Leading(text.Heading), (canvas, top) =>
            canvas.DrawText(title, PageFlow.Margin, top + text.Heading.Size, SKTextAlign.Left, text.Heading, text.Ink), keep);
        Paragraph(flow, step.Summary, text.Body, text.Ink);
        Paragraph(flow, detail, text.Body, text.Muted);
        flow.Space(4);
        Picture(flow, pictures, () => scenes.Step(index), StepPictureWidth, StepPictureHeight);
        flow.Space(4);
        TableRow(flow, text, [.. Columns.Select(c => c.Heading)], text.Strong, keep: RowHeight);
        foreach (var box in step.Boxes)
        {
            TableRow(flow, text,
            [
                Invariant($"{box.Sequence}"), box.Sku, Invariant($"{box.X:0.#}, {box.Y:0.#}, {box.Z:0.#}"),
                Invariant($"{box.Length:0.#} × {box.Width:0.#} × {box.Height:0.#}"), box.Orientation, Invariant($"{box.WeightKg:0.#} kg"),
                box.Stop is { } stop ? Invariant($"{stop}") : "—",
            ], text.Body);
        }
    }

    private static void TableRow(PageFlow flow, ReportText text, string[] cells, SKFont font, float keep = 0) =>
        flow.Add(RowHeight, (canvas, top) =>
        {
            for (var i = 0; i < cells.Length; i++)
            {
                var width = (i + 1 < Columns.Length ? Columns[i + 1].X : PageFlow.ContentWidth) - Columns[i].X - 4;
                canvas.DrawText(Fit(cells[i], font, width), PageFlow.Margin + Columns[i].X, top + 9, SKTextAlign.Left, font, text.Ink);
            }

            canvas.DrawLine(PageFlow.Margin, top + RowHeight - 0.5f, PageFlow.Margin + PageFlow.ContentWidth, top + RowHeight - 0.5f, text.Rule);
        }, keep);

    // A cell's text cut to its column with an ellipsis, so a long SKU never runs into the next column.
    private static string Fit(string value, SKFont font, float width)
    {
        if (font.MeasureText(value) <= width)
        {
            return value;
        }

        var cut = value.Length;
        while (cut > 1 && font.MeasureText(value[..cut] + "…") > width)
        {
            cut--;
        }

        return value[..cut] + "…";
    }

    private static void Picture(PageFlow flow, PictureQueue pictures, Func<SKImage> draw, float width, float height)
    {
        var picture = pictures.Add(draw);
        flow.Add(height, (canvas, top) =>
        {
            using var image = pictures.Take(picture);
            canvas.DrawImage(image, SKRect.Create(PageFlow.Margin, top, width, height), new SKSamplingOptions(SKFilterMode.Linear), null);
        });
    }

    private static void Heading(PageFlow flow, ReportText text, string heading)
    {
        flow.Space(10);
        Paragraph(flow, heading, text.Heading, text.Ink, keep: 3 * RowHeight);
    }

    private static void Paragraph(PageFlow flow, string value, SKFont font, SKPaint paint, float keep = 0)
    {
        var lines = ReportText.Wrap(value, font, PageFlow.ContentWidth);
        flow.Add(ReportText.Leading(font) * lines.Count, (canvas, top) => ReportText.Lines(canvas, lines, PageFlow.Margin, top, font, paint), keep);
    }

    // A label and its value side by side, the value wrapped in its column.
    private static void Pair(PageFlow flow, ReportText text, string label, string value)
    {
        const float labelWidth = 150;
        var lines = ReportText.Wrap(value, text.Body, PageFlow.ContentWidth - labelWidth);
        flow.Add(ReportText.Leading(text.Body) * lines.Count + 2, (canvas, top) =>
        {
            canvas.DrawText(label, PageFlow.Margin, top + text.Body.Size, SKTextAlign.Left, text.Strong, text.Muted);
            ReportText.Lines(canvas, lines, PageFlow.Margin + labelWidth, top, text.Body, text.Ink);
        });
    }
}
