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
        var (plan, items) = PackedPlans.Pack(BischoffRatcliffGenerator.Generate(types, seed), TimeSpan.FromMilliseconds(300));
        plan = plan with { Risk = DamageRisk.Assess(plan.Placements, plan.Container, "high", "fair") };
        return Loading(plan, items);
    }

    [Fact]
    public void The_report_has_a_cover_an_overview_and_every_step_with_its_picture_and_boxes_on_numbered_pages()
    {
        // Any plan will do: what is checked holds for every plan the engine makes in its time budget.
        var loading = Packed(types: 8, seed: 41);
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
        // The table's rows, read line by line: a box's number, then its SKU. Every box is there once, in load order.
        var rows = stepPages
            .SelectMany(p => p.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom)).OrderByDescending(line => line.Key))
            .Select(line => line.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text).ToList())
            .Where(line => line.Count > 1 && line[1] == "TILE" && int.TryParse(line[0], out _))
            .Select(line => int.Parse(line[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(Enumerable.Range(1, 100), rows);
    }

    [Fact]
    public void A_step_picture_shows_its_boxes_in_colour_and_outlined_over_the_muted_earlier_ones()
    {
        // Two steps of two SKUs whose colours are far apart: line 0 is drawn red (hue 0), line 1 green (hue 137.5).
        var container = new ContainerInput { Length = 200, Width = 100, Height = 100 };
        var floor = from i in Enumerable.Range(0, 2) from j in Enumerable.Range(0, 2) select (i, j, 0);
        var plan = PackedPlans.Plan(container,
        [
            .. PackedPlans.Grid("RED", 0, 40, 40, 40, 0, 0, 0, floor, 1),
            .. PackedPlans.Grid("GREEN", 1, 40, 40, 40, 80, 0, 0, floor, 5),
        ]);
        var items = new List<ItemInput>
        {
            new() { Sku = "RED", Length = 40, Width = 40, Height = 40, Quantity = 4 },
            new() { Sku = "GREEN", Length = 40, Width = 40, Height = 40, Quantity = 4 },
        };
        var sequence = Loading(plan, items).Sequence;
        Assert.Equal(["RED", "GREEN"], sequence.Steps.Select(s => s.Sku));

        var first = Decode(StepPictures.Png(sequence, 1)!);
        var second = Decode(StepPictures.Png(sequence, 2)!);

        Assert.Equal((StepPictures.DefaultWidth, StepPictures.DefaultHeight), (first.Width, first.Height));
        // Step 1: its red boxes in colour, no green yet; step 2: green in colour, the red muted to grey.
        Assert.True(Count(first, c => Hue(c, 0)) > 1000, "step 1 is not red");
        Assert.Equal(0, Count(first, c => Hue(c, 137.5f)));
        Assert.True(Count(second, c => Hue(c, 137.5f)) > 1000, "step 2 is not green");
        Assert.True(Count(second, c => Hue(c, 0)) < 50, "step 1 is still red in step 2's picture");
        Assert.True(Count(second, IsMuted) > 1000, "step 1 is not muted in step 2's picture");
        Assert.True(Count(first, IsOutline) > 100 && Count(second, IsOutline) > 100, "a step is not outlined");
        Assert.Null(StepPictures.Png(sequence, 3));
        Assert.Null(StepPictures.Png(sequence, 0));
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

    // A saturated pixel within 12° of a hue: a box in its SKU's colour, not the muted grey nor the outline's yellow.
    private static bool Hue(SKColor c, float hue)
    {
        c.ToHsl(out var h, out var s, out _);
        var apart = Math.Abs(h - hue) % 360;
        return s > 35 && Math.Min(apart, 360 - apart) < 12;
    }

    private static bool IsMuted(SKColor c)
    {
        c.ToHsl(out _, out var s, out var l);
        return s is > 2 and < 15 && l is > 70 and < 91;
    }
}
