using System.Text.Json;
using Kitt.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kitt.Dashboard.E2E;

/// <summary>An Admin writes a rule in the browser; the next poll of the real Docker engine judges a container by it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AlertRulesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_rule_written_in_the_editor_fires_for_the_container_it_picks_and_deleting_it_resolves_the_alert()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var container = "ruled-" + suffix;
        var alertName = "seen_" + suffix;
        var page = await browser.OpenAsync("/admin/rules");
        await browser.Engine.DockerAsync("run", "-d", "--network", "none", "--name", container, DockerEngine.Image, "sleep", "600");
        try
        {
            await page.GetByTestId("new-rule").ClickAsync();
            await page.GetByLabel("Id").FillAsync("e2e-" + suffix);
            await page.GetByLabel("Alert name").FillAsync(alertName);
            await page.GetByLabel("Containers matching").FillAsync($"name={container}");
            await page.GetByLabel("Threshold").FillAsync("0");
            await page.GetByLabel("For", new() { Exact = true }).FillAsync("0s");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "rule-editor.png") });
            await page.GetByTestId("save-rule").ClickAsync();
            await Expect(page.Locator($"[data-rule=e2e-{suffix}]")).ToContainTextAsync("cpu_percent >= 0");

            // Any running container uses 0 % CPU or more: the next poll with its stats fires the rule, for it alone.
            await UntilAsync(page, $"/api/alerts?type={alertName}&state=firing", items => items.Any(a => a.GetProperty("source").GetString() == container));
            var all = await ItemsAsync(page, $"/api/alerts?type={alertName}");
            Assert.All(all, a => Assert.Equal(container, a.GetProperty("source").GetString()));

            await page.Locator($"[data-rule=e2e-{suffix}]").GetByTestId("delete-rule").ClickAsync();
            await Expect(page.Locator($"[data-rule=e2e-{suffix}]")).ToHaveCountAsync(0);
            await UntilAsync(page, $"/api/alerts?type={alertName}&state=resolved", items => items.Count > 0);
        }
        finally
        {
            await page.Context.CloseAsync();
            await browser.Engine.DockerAsync("rm", "-f", container);
        }
    }

    private static async Task<IReadOnlyList<JsonElement>> ItemsAsync(IPage page, string url)
    {
        var body = await (await page.Context.APIRequest.GetAsync(url)).TextAsync();
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray()];
    }

    private static async Task UntilAsync(IPage page, string url, Func<IReadOnlyList<JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (!done(await ItemsAsync(page, url)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within 45 s: {url}");
            await Task.Delay(500);
        }
    }
}
