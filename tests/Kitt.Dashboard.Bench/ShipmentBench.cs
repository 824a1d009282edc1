using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// Shipment figures measured in headless Chromium against the published app: a shipment created in the form until its
/// plan is drawn, and the 3D view's frame time while it turns.
/// </summary>
internal static class ShipmentBench
{
    /// <summary>Create pressed in the form → the packed plan drawn on the canvas of the shipment page.</summary>
    public static async Task<int> PlanLatencyAsync(string appDll, int boxes, int rounds)
    {
        await using var app = await BenchApp.StartAsync(Path.GetFullPath(appDll));
        var totals = new List<double>();
        var packing = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            await app.OpenAsync("/shipments/new");
            var page = app.Page;
            await page.Locator("#shipment-reference").FillAsync($"BENCH-{boxes}-{round}-{Guid.NewGuid():N}"[..30]);
            await page.Locator("#shipment-origin").FillAsync("Rotterdam");
            await page.Locator("#shipment-destination").FillAsync("Milan");
            await page.Locator("#items-import").FillAsync(BenchApp.ItemsCsv(boxes, round, 20, 60));
            await page.GetByTestId("import-items").ClickAsync();
            await page.GetByTestId("item-count").Filter(new() { HasText = $"{boxes} boxes" }).WaitForAsync();

            var watch = Stopwatch.StartNew();
            await page.GetByTestId("create-shipment").ClickAsync();
            await page.Locator("[data-testid=plan-canvas][data-ready=true]").WaitForAsync(new() { Timeout = 60_000 });
            var elapsed = watch.Elapsed.TotalMilliseconds;

            var id = page.Url.Split('/')[^1];
            var details = await app.Api.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}");
            var plan = details.GetProperty("plan");
            var search = plan.GetProperty("elapsedMs").GetDouble();
            if (round == 0)
            {
                Console.WriteLine($"warm-up: {elapsed:0} ms");
                continue; // the first round pays for JIT and the first circuit's module loads
            }

            totals.Add(elapsed);
            packing.Add(search);
            Console.WriteLine($"round {round}: {boxes} boxes, {plan.GetProperty("placed").GetInt32()} placed, " +
                              $"Create → plan on screen {elapsed:0} ms (engine {search:0} ms)");
        }

        Console.WriteLine($"plan-latency {boxes} boxes: median {Percentiles.Median(totals):0} ms, max {totals.Max():0} ms over {rounds} rounds " +
                          $"(engine median {Percentiles.Median(packing):0} ms)");
        return 0;
    }

    /// <summary>Frame time of the 3D view turning one degree a frame with a plan of about <paramref name="boxes"/> boxes.</summary>
    public static async Task<int> ViewerFramesAsync(string appDll, int boxes, int frames, int rounds)
    {
        await using var app = await BenchApp.StartAsync(Path.GetFullPath(appDll));
        var csv = BenchApp.ItemsCsv(boxes, 7, 15, 45);
        var items = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')).Select(c => new
        {
            sku = c[0], length = double.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture), width = double.Parse(c[2], System.Globalization.CultureInfo.InvariantCulture),
            height = double.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture), weightKg = double.Parse(c[4], System.Globalization.CultureInfo.InvariantCulture),
            quantity = int.Parse(c[5], System.Globalization.CultureInfo.InvariantCulture), fragile = c[6] == "yes",
        }).ToArray();
        using var created = await app.Api.PostAsJsonAsync("/api/shipments", new
        {
            reference = $"FRAMES-{boxes}",
            origin = "Rotterdam",
            destination = "Milan",
            container = new { length = 1203, width = 235, height = 239, maxPayloadKg = 26_700 },
            items,
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        await app.OpenAsync($"/shipments/{id}");
        var canvas = app.Page.Locator("[data-testid=plan-canvas][data-ready=true]");
        await canvas.WaitForAsync(new() { Timeout = 60_000 });
        Console.WriteLine($"plan drawn: {await canvas.GetAttributeAsync("data-boxes")} boxes placed of {boxes}");
        var screenshot = Path.Combine(Path.GetTempPath(), "kitt-viewer-frames.png");
        await app.Page.ScreenshotAsync(new() { Path = screenshot });
        Console.WriteLine($"screenshot: {screenshot}");
        var medians = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            var result = await canvas.EvaluateAsync<JsonElement>("(c, frames) => c.kittViewer.benchmark(frames)", frames);
            if (round == 0)
            {
                continue; // warm-up: the first frames compile the drawing code
            }

            medians.Add(result.GetProperty("drawMedianMs").GetDouble());
            Console.WriteLine($"round {round}: {result.GetProperty("frames")} frames, {result.GetProperty("boxes")} boxes, " +
                              $"{result.GetProperty("facesDrawn")} faces drawn; draw median {result.GetProperty("drawMedianMs").GetDouble():0.0} ms, " +
                              $"p95 {result.GetProperty("drawP95Ms").GetDouble():0.0} ms; rAF interval median {result.GetProperty("intervalMedianMs").GetDouble():0.0} ms, " +
                              $"p95 {result.GetProperty("intervalP95Ms").GetDouble():0.0} ms");
        }

        Console.WriteLine($"viewer-frames: draw time median of rounds {Percentiles.Median(medians):0.0} ms");
        return 0;
    }
}
