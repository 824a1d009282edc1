using System.Net;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Shipments;
using Kitt.Dashboard.Shipments.Report;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Packing.Benchmarks;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Kitt.Dashboard.Tests.Shipments;

/// <summary>
/// The PDF load report read back with PdfPig, as a reader sees it: its pages, their text and their pictures; and the
/// step pictures decoded, as a crew's browser shows them.
/// </summary>
public sealed class LoadReportTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static ShipmentLoading Loading(PlanView plan, IReadOnlyList<ItemInput> items, string reference = "REPORT-7")
    {
        var details = new ShipmentDetails(7, reference, "Rotterdam", "Basel", "high", "fair", ShipmentStatus.Packed, null, plan.Container, items, 1,
            "dispatcher@kitt.test", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null, DateTimeOffset.UtcNow, null);
        return new ShipmentLoading(details, LoadingSteps.Group(plan, items));
    }

    private static ShipmentLoading Packed(int types, int seed)
    {
        var (plan, items) = PackedPlans.Pack(BrLikeGenerator.Generate(types, seed), TimeSpan.FromMilliseconds(300));
        plan = plan with { Risk = DamageRisk.Assess(plan.Placements, plan.Container, "high", "fair") };
        return Loading(plan, items);
    }

    [Fact]
    public void The_report_has_a_cover_an_overview_and_every_step_with_its_picture_and_boxes_on_numbered_pages()
    {
        var loading = Packed(types: 8, seed: Environment.TickCount & 0xFFF);
        var steps = loading.Sequence.Steps;

        using var pdf = PdfDocument.Open(LoadReport.Write(loading, DateTimeOffset.UtcNow));

        var pages = pdf.GetPages().ToList();
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
        {
            var text = pages[i].Text;
            Assert.Contains("REPORT-7", text, StringComparison.Ordinal);
            Assert.Contains($"Page {i + 1} of {pages.Count}", text, StringComparison.Ordinal);
        }

        var cover = pages[0].Text;
        foreach (var fact in LoadFacts.Of(loading))
        {
            Assert.Contains(fact.Text, cover, StringComparison.Ordinal);
        }

        Assert.Contains("Rotterdam → Basel", cover, StringComparison.Ordinal);
        Assert.All(loading.Sequence.Plan.Risk!.Factors, f => Assert.Contains(f.Name, cover, StringComparison.Ordinal));
        Assert.Empty(pages[0].GetImages());
        // The container from two angles, then one picture per step.
        Assert.Equal(2, pages[1].GetImages().Count());
        Assert.Contains("Seen from the door, left", pages[1].Text, StringComparison.Ordinal);
        Assert.Equal(steps.Count + 2, pages.Sum(p => p.GetImages().Count()));
        var body = string.Join("\n", pages.Skip(2).Select(p => p.Text));
        var at = 0;
        foreach (var step in steps)
        {
            // In order: each step's heading, then its summary.
            at = body.IndexOf($"Step {step.Number} of {steps.Count}", at, StringComparison.Ordinal);
            Assert.True(at >= 0, $"step {step.Number} is missing or out of order");
            Assert.Contains(step.Summary.Split(',')[0], body[at..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_step_of_more_boxes_than_a_page_holds_goes_on_over_the_next_pages_without_losing_a_box()
    {
        var container = new ContainerInput { Length = 300, Width = 200, Height = 200 };
        var cells = from i in Enumerable.Range(0, 10) from j in Enumerable.Range(0, 10) from k in Enumerable.Range(0, 1) select (i, j, k);
        var plan = PackedPlans.Plan(container, [.. PackedPlans.Grid("TILE", 0, 20, 20, 20, 0, 0, 0, cells, 1)]);
        var items = new List<ItemInput> { new() { Sku = "TILE", Length = 20, Width = 20, Height = 20, WeightKg = 10, Quantity = 100 } };
        var loading = Loading(plan, items);
        Assert.Single(loading.Sequence.Steps);

        using var pdf = PdfDocument.Open(LoadReport.Write(loading, DateTimeOffset.UtcNow));

        var stepPages = pdf.GetPages().Skip(2).ToList();
        Assert.True(stepPages.Count >= 2, $"{stepPages.Count} step pages");
        var words = stepPages.SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        // Every box's load-order number is a cell in the table, once.
        var numbers = words.Select(w => int.TryParse(w, out var n) ? n : -1).Where(n => n is >= 1 and <= 100).ToHashSet();
        Assert.Equal(Enumerable.Range(1, 100).ToHashSet(), numbers);
    }

    [Fact]
    public void A_step_picture_shows_its_boxes_in_colour_and_outlined_over_the_muted_earlier_ones()
    {
        var loading = Packed(types: 5, seed: Environment.TickCount & 0xFFF);
        var steps = loading.Sequence.Steps;
        Assert.True(steps.Count >= 3, $"{steps.Count} steps");

        var first = Decode(StepPictures.Png(loading.Sequence, 1)!);
        var last = Decode(StepPictures.Png(loading.Sequence, steps.Count)!);

        Assert.Equal((StepPictures.DefaultWidth, StepPictures.DefaultHeight), (first.Width, first.Height));
        // The step's outline is the screen's selection yellow; the last step's colour is its own SKU's, all before it grey.
        Assert.True(Count(first, IsOutline) > 100, "no outline in step 1");
        Assert.True(Count(last, IsOutline) > 100, "no outline in the last step");
        var lastBoxes = steps[^1].Count;
        var colourfulFirst = Count(first, IsColourful);
        var colourfulLast = Count(last, IsColourful);
        var mutedLast = Count(last, IsMuted);
        Assert.True(mutedLast > Count(first, IsMuted), $"the last step mutes more than the first ({mutedLast})");
        Assert.True(colourfulLast > 0 && colourfulFirst > 0, $"colour in steps: first {colourfulFirst}, last {colourfulLast} ({lastBoxes} boxes)");
        Assert.Null(StepPictures.Png(loading.Sequence, steps.Count + 1));
        Assert.Null(StepPictures.Png(loading.Sequence, 0));
    }

    [Fact]
    public async Task The_report_and_pictures_are_served_for_a_packed_shipment_only()
    {
        var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        var reference = SampleShipments.NewReference();
        var id = await SampleShipments.CreateAsync(client, SampleShipments.Small(reference));
        Assert.Equal("packed", (await SampleShipments.WaitForStatusAsync(client, id, "packed", "failed")).GetProperty("status").GetString());

        using var report = await client.GetAsync($"/api/shipments/{id}/report.pdf");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal(LoadReport.ContentType, report.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", report.Content.Headers.ContentDisposition?.DispositionType);
        using (var pdf = PdfDocument.Open(await report.Content.ReadAsByteArrayAsync()))
        {
            Assert.Contains(reference, pdf.GetPage(1).Text, StringComparison.Ordinal);
        }

        using var picture = await client.GetAsync($"/api/shipments/{id}/steps/1.png");
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        Assert.Equal(StepPictures.DefaultWidth, Decode(await picture.Content.ReadAsByteArrayAsync()).Width);
        using var noStep = await client.GetAsync($"/api/shipments/{id}/steps/99.png");
        Assert.Equal(HttpStatusCode.NotFound, noStep.StatusCode);
        using var missing = await client.GetAsync("/api/shipments/999999/report.pdf");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("not an image");

    private static int Count(SKBitmap bitmap, Func<SKColor, bool> test)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                count += test(bitmap.GetPixel(x, y)) ? 1 : 0;
            }
        }

        return count;
    }

    private static bool IsOutline(SKColor c) => c.Red > 240 && c.Green is > 200 and < 225 && c.Blue < 20;

    private static bool IsColourful(SKColor c)
    {
        c.ToHsl(out _, out var s, out _);
        return s > 35 && !IsOutline(c);
    }

    private static bool IsMuted(SKColor c)
    {
        c.ToHsl(out _, out var s, out var l);
        return s is > 2 and < 15 && l is > 70 and < 91;
    }
}
