using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kitt.Dashboard.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ShipmentsTests(BrowserFixture browser)
{
    private const string Items = "sku,length,width,height,weightKg,quantity,fragile,stop\nVASE,40,40,50,6,4,yes,1\nCRATE,80,60,50,45,10,no,2\nSACK,60,40,30,20,8,no,";

    [Fact]
    public async Task A_dispatcher_creates_packs_turns_steps_and_picks_with_the_keyboard_and_prints_the_instructions()
    {
        var page = await browser.OpenAsync("/shipments");
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        var reference = "E2E-" + Guid.NewGuid().ToString("N")[..8];

        // n opens the form with the reference focused; everything else is typed and tabbed to.
        await page.Keyboard.PressAsync("n");
        await Expect(page).ToHaveURLAsync(new Regex("/shipments/new$"));
        await Expect(page.Locator("#shipment-reference")).ToBeFocusedAsync(new() { Timeout = 10_000 });
        await page.Keyboard.TypeAsync(reference);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Rotterdam");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Zurich");
        await TabToAsync(page, "#items-import");
        await page.Keyboard.TypeAsync(Items);
        await TabToAsync(page, "[data-testid=import-items]");
        await Expect(page.Locator(":focus")).ToHaveCSSAsync("outline-style", "solid"); // focus is visible
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("item-count")).ToHaveTextAsync("3 lines, 22 boxes");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "new-shipment.png"), FullPage = true });
        await TabToAsync(page, "[data-testid=create-shipment]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/shipments/[0-9]+$"), new() { Timeout = 10_000 });
        var canvas = page.GetByTestId("plan-canvas");
        await Expect(canvas).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("status")).ToHaveAttributeAsync("data-status", "packed");
        await Expect(canvas).ToHaveAttributeAsync("data-boxes", "22");
        await Expect(page.GetByTestId("risk")).ToContainTextAsync("Damage risk");

        var before = await PixelsAsync(canvas);
        Assert.True(before.Painted > 0.05, $"only {before.Painted:P1} of the canvas is painted");
        Assert.True(before.Colours >= 3, $"only {before.Colours} colours on the canvas");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "shipment-3d.png") });

        // Keys change the view in the browser.
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(canvas).ToHaveAttributeAsync("data-yaw", "-35.0");
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(canvas).ToHaveAttributeAsync("data-pitch", "38.0");
        await page.Keyboard.PressAsync("+");
        await Expect(canvas).ToHaveAttributeAsync("data-zoom", "1.250");
        await page.Keyboard.PressAsync("c");
        await Expect(canvas).ToHaveAttributeAsync("data-colouring", "stop");
        await page.Keyboard.PressAsync("3");
        await Expect(canvas).ToHaveAttributeAsync("data-view", "top");
        await page.WaitForTimeoutAsync(400);
        var turned = await PixelsAsync(canvas);
        Assert.NotEqual(before.Hash, turned.Hash);

        // The view plays the plan in loading steps: [ and ] move a whole step, Shift with them a single box, and the
        // server hears only how many boxes are in.
        var steps = int.Parse((await canvas.GetAttributeAsync("data-loading-steps"))!, CultureInfo.InvariantCulture);
        Assert.InRange(steps, 2, 21);
        await Expect(canvas).ToHaveAttributeAsync("data-loading-step", steps.ToString(CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("[");
        await Expect(canvas).ToHaveAttributeAsync("data-loading-step", (steps - 1).ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("step")).ToContainTextAsync($"Step {steps - 1} of {steps}: ");
        var stepEnd = int.Parse((await canvas.GetAttributeAsync("data-step"))!, CultureInfo.InvariantCulture);
        Assert.InRange(stepEnd, 1, 21);
        await page.Keyboard.PressAsync("Shift+BracketRight");
        await Expect(canvas).ToHaveAttributeAsync("data-step", (stepEnd + 1).ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("step")).ToContainTextAsync(stepEnd == 21 ? "All 22 boxes loaded" : $"Step {steps} of {steps}, box 1 of");
        await page.Keyboard.PressAsync("Shift+BracketLeft");
        await Expect(canvas).ToHaveAttributeAsync("data-step", stepEnd.ToString(CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("]");
        await Expect(page.GetByTestId("step")).ToContainTextAsync("All 22 boxes loaded");

        // Space plays the steps; from the full load it starts again from the empty container. Playback moves a step
        // every 300 ms and the page's text follows coalesced, so no moment of it is asserted: only that it started over,
        // and where it stands once it stopped (paused, or at the end when the pause came after the last step).
        await page.Keyboard.PressAsync("Space");
        await Expect(canvas).ToHaveAttributeAsync("data-playing", "true");
        await page.Keyboard.PressAsync("Space");
        await Expect(canvas).ToHaveAttributeAsync("data-playing", "false", new() { Timeout = 15_000 });
        var paused = int.Parse((await canvas.GetAttributeAsync("data-loading-step"))!, CultureInfo.InvariantCulture);
        Assert.InRange(paused, 0, steps);
        await Expect(page.GetByTestId("step")).ToContainTextAsync(
            paused == 0 ? "Empty container" : paused == steps ? "All 22 boxes loaded" : $"Step {paused} of {steps}: ");
        if (paused < steps)
        {
            await page.Keyboard.PressAsync("Space");
            await Expect(page.GetByTestId("step")).ToContainTextAsync("All 22 boxes loaded", new() { Timeout = 15_000 });
        }

        await Expect(canvas).ToHaveAttributeAsync("data-playing", "false", new() { Timeout = 15_000 });

        // Tab into the view selects items one after the other; the details follow.
        await TabToAsync(page, "[data-testid=plan-canvas]");
        await page.Keyboard.PressAsync("Tab");
        await Expect(canvas).ToHaveAttributeAsync("data-selected", "0");
        await page.Keyboard.PressAsync("Tab");
        await Expect(canvas).ToHaveAttributeAsync("data-selected", "1");
        await Expect(page.GetByTestId("item-details")).ToContainTextAsync("Load order");

        // A click picks the box drawn under the pointer.
        var target = await canvas.EvaluateAsync<JsonElement>("""
            c => { const v = c.kittViewer, d = v.drawn, k = v.drawnCount - 1, o = k * 9;
                   let x = 0, y = 0; for (let q = 0; q < 4; q++) { x += d[o + 1 + q * 2] / 4; y += d[o + 2 + q * 2] / 4; }
                   return { index: d[o], sku: v.skus[d[o]], x, y }; }
            """);
        await canvas.ClickAsync(new() { Position = new() { X = (float)target.GetProperty("x").GetDouble(), Y = (float)target.GetProperty("y").GetDouble() } });
        await Expect(canvas).ToHaveAttributeAsync("data-selected", target.GetProperty("index").GetDouble().ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("selected-sku")).ToHaveTextAsync(target.GetProperty("sku").GetString()!);

        // The printable instructions list the steps with every box inside, in load order.
        await page.GetByTestId("instructions").ClickAsync();
        await Expect(page.GetByTestId("instruction-step")).ToHaveCountAsync(steps);
        await Expect(page.GetByTestId("instruction-row")).ToHaveCountAsync(22);
        await page.EvaluateAsync("() => { window.print = () => { document.documentElement.dataset.printDialog = 'opened'; }; }");
        await page.GetByTestId("print").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-print-dialog", "opened");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".kitt-appbar")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("print")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("instructions")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "loading-instructions-print.png"), FullPage = true });

        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_excel_workbook_fills_the_items_and_its_plan_downloads_as_a_workbook()
    {
        var page = await browser.OpenAsync("/shipments/new");
        var reference = "XLSX-" + Guid.NewGuid().ToString("N")[..8];
        await page.Locator("#shipment-reference").FillAsync(reference);
        await page.Locator("#shipment-origin").FillAsync("Antwerp");
        await page.Locator("#shipment-destination").FillAsync("Lyon");
        using var workbook = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(workbook, new[]
        {
            new Dictionary<string, object?> { ["sku"] = "TOTE", ["length"] = 60, ["width"] = 40, ["height"] = 30, ["weightKg"] = 8, ["quantity"] = 10 },
            new Dictionary<string, object?> { ["sku"] = "DRUM", ["length"] = 60, ["width"] = 60, ["height"] = 90, ["weightKg"] = 60, ["quantity"] = 4 },
        });

        await page.GetByTestId("items-file").SetInputFilesAsync(new FilePayload
        {
            Name = "items.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = workbook.ToArray(),
        });

        await Expect(page.GetByTestId("item-count")).ToHaveTextAsync("2 lines, 14 boxes");
        await page.GetByTestId("create-shipment").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/shipments/[0-9]+$"), new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("status")).ToHaveAttributeAsync("data-status", "packed", new() { Timeout = 20_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await using var saved = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await saved.CopyToAsync(copy);
        copy.Position = 0;
        Assert.Equal(["Steps", "Summary"], MiniExcelLibs.MiniExcel.GetSheetNames(copy));

        // The report button opens the PDF in a tab; read with the page's own session, it is this shipment's report.
        var report = await page.GetByTestId("export-pdf").GetAttributeAsync("href");
        Assert.Equal("_blank", await page.GetByTestId("export-pdf").GetAttributeAsync("target"));
        await AssertReportAsync(page.Context.APIRequest, new Uri(browser.App.BaseAddress, report).ToString(), reference);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_share_link_opens_the_steps_in_a_browser_nobody_signed_in_to_until_it_is_revoked()
    {
        using var api = new HttpClient { BaseAddress = browser.App.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", PublishedApp.BootstrapKey);
        var reference = "SHARE-" + Guid.NewGuid().ToString("N")[..8];
        using var created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/shipments", new
        {
            reference,
            origin = "Gdansk",
            destination = "Prague",
            container = new { type = "20DV" },
            items = new[] { new { sku = "CASE", length = 60, width = 40, height = 40, weightKg = 12, quantity = 30 } },
        });
        created.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var dispatcher = await browser.OpenAsync($"/shipments/{id}");
        await Expect(dispatcher.GetByTestId("status")).ToHaveAttributeAsync("data-status", "packed", new() { Timeout = 20_000 });

        await dispatcher.GetByTestId("share-create").ClickAsync();
        var url = dispatcher.Locator("#share-url");
        await Expect(url).ToHaveValueAsync(new Regex("/share/"));
        var link = await url.InputValueAsync();

        // The crew's browser has never signed in.
        var crew = await browser.NewPageAsync();
        var opened = await crew.GotoAsync(link);
        Assert.Equal(200, opened!.Status);
        await Expect(crew.GetByTestId("share-reference")).ToHaveTextAsync(new Regex("^SHARE-"));
        var steps = crew.GetByTestId("instruction-step");
        Assert.InRange(await steps.CountAsync(), 1, 29);
        await Expect(crew.GetByTestId("instruction-row")).ToHaveCountAsync(30);
        await crew.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "share-1440.png"), FullPage = true });
        await crew.SetViewportSizeAsync(390, 844);
        await crew.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "share-390.png"), FullPage = true });
        // Every step's picture is drawn from under the link, and the report opens from it too.
        await crew.SetViewportSizeAsync(1440, 900);
        var pictures = crew.GetByTestId("step-picture");
        Assert.Equal(await steps.CountAsync(), await pictures.CountAsync());
        await pictures.First.ScrollIntoViewIfNeededAsync();
        await Expect(pictures.First).ToHaveJSPropertyAsync("naturalWidth", 960, new() { Timeout = 10_000 });
        var report = await crew.GetByTestId("share-pdf").GetAttributeAsync("href");
        await AssertReportAsync(crew.Context.APIRequest, new Uri(browser.App.BaseAddress, report).ToString(), reference);
        var elsewhere = await crew.GotoAsync($"/shipments/{id}");
        await Expect(crew).ToHaveURLAsync(new Regex("/account/login"));

        await dispatcher.GetByTestId("share-revoke").ClickAsync();
        await Expect(dispatcher.GetByTestId("share-link")).ToHaveAttributeAsync("data-active", "false");
        var revoked = await crew.GotoAsync(link);
        Assert.Equal(410, revoked!.Status);
        await Expect(crew.GetByTestId("share-refusal")).ToContainTextAsync("revoked");
        await crew.Context.CloseAsync();
        await dispatcher.Context.CloseAsync();
    }

    private static async Task AssertReportAsync(IAPIRequestContext request, string href, string reference)
    {
        var response = await request.GetAsync(href);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.BodyAsync());
        Assert.True(pdf.NumberOfPages >= 3, $"{pdf.NumberOfPages} pages");
        Assert.Contains(reference, pdf.GetPage(1).Text, StringComparison.Ordinal);
        // The two overview pictures and one per step.
        Assert.True(pdf.GetPages().Sum(p => p.GetImages().Count()) >= 3, "the report has no step pictures");
    }

    [Fact]
    public async Task A_dispatcher_types_a_library_sku_and_a_quantity_and_the_line_fills_in()
    {
        using var api = new HttpClient { BaseAddress = browser.App.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", PublishedApp.BootstrapKey);
        var sku = "DRUM-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        using (var saved = await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(api, $"/api/items/{sku}",
                   new { length = 60, width = 60, height = 90, weightKg = 48, thisSideUp = true }))
        {
            saved.EnsureSuccessStatusCode();
        }

        var page = await browser.OpenAsync("/shipments/new");
        await page.Locator("#shipment-reference").FillAsync("LIB-" + Guid.NewGuid().ToString("N")[..8]);
        await page.Locator("#shipment-origin").FillAsync("Antwerp");
        await page.Locator("#shipment-destination").FillAsync("Lyon");
        // From the keyboard: the SKU in lower case, Tab (the rest fills in), Tab to the quantity.
        await page.GetByTestId("item-sku").FocusAsync();
        await page.Keyboard.TypeAsync(sku.ToLowerInvariant());
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Line 1 length (cm)")).ToHaveValueAsync("60");
        await Expect(page.GetByLabel("Line 1 height (cm)")).ToHaveValueAsync("90");
        await Expect(page.GetByLabel("Line 1 weight (kg)")).ToHaveValueAsync("48");
        await Expect(page.GetByLabel("Line 1 this side up")).ToBeCheckedAsync();
        await Expect(page.GetByTestId("item-sku")).ToHaveValueAsync(sku);
        await page.GetByLabel("Line 1 quantity").FillAsync("6");
        await page.GetByTestId("create-shipment").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/shipments/[0-9]+$"), new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("status")).ToHaveAttributeAsync("data-status", "packed", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("plan-canvas")).ToHaveAttributeAsync("data-boxes", "6");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_shipment_list_moves_with_j_and_k_and_opens_with_enter()
    {
        var page = await browser.OpenAsync("/shipments");
        using var api = new HttpClient { BaseAddress = browser.App.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", PublishedApp.BootstrapKey);
        var reference = "LIST-" + Guid.NewGuid().ToString("N")[..8];
        using var created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/shipments", new
        {
            reference,
            origin = "Genoa",
            destination = "Lyon",
            container = new { length = 300, width = 200, height = 200 },
            items = new[] { new { sku = "BOX", length = 50, width = 50, height = 50, weightKg = 10, quantity = 3 } },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);

        // The new shipment arrives in the open list by itself, newest first.
        var row = page.Locator($"[data-testid=shipment-row][data-reference='{reference}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.Keyboard.PressAsync("j");
        await Expect(row).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(row.Locator("a")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("k");
        await Expect(row).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(row.Locator("a")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = reference, Level = 1 })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new Xunit.Sdk.XunitException($"Tab never reached {selector}");
    }

    private sealed record Pixels(double Painted, int Colours, int Hash);

    // Reads the canvas back: how much is painted, how many colour families it shows, and a fingerprint.
    private static async Task<Pixels> PixelsAsync(ILocator canvas)
    {
        var result = await canvas.EvaluateAsync<JsonElement>("""
            c => { const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   let painted = 0, hash = 0; const colours = new Set();
                   for (let i = 0; i < data.length; i += 4) {
                       if (data[i + 3] > 0) { painted++; colours.add((data[i] >> 5) * 64 + (data[i + 1] >> 5) * 8 + (data[i + 2] >> 5)); }
                       if (i % 64 === 0) hash = (hash * 31 + data[i] + data[i + 1] * 3 + data[i + 3] * 7) | 0;
                   }
                   return { painted: painted / (data.length / 4), colours: colours.size, hash }; }
            """);
        return new Pixels(result.GetProperty("painted").GetDouble(), result.GetProperty("colours").GetInt32(), result.GetProperty("hash").GetInt32());
    }
}
