using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Kitt.Dashboard.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ReconnectTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_server_restart_shows_the_reconnect_ui_and_the_page_comes_back_by_itself()
    {
        var page = await browser.OpenAsync();
        await Expect(page.GetByText("Live", new() { Exact = true })).ToBeVisibleAsync();

        await browser.App.StopAsync();
        try
        {
            var dialog = page.Locator("#components-reconnect-modal");
            await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(dialog.Locator(".kitt-reconnect-title")).ToContainTextAsync(new Regex("Connection to the dashboard lost|Still trying to reconnect"));
            await Expect(page.Locator(".kitt-connection-reconnecting")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "reconnecting.png") });
        }
        finally
        {
            // Other tests share this server: it comes back whatever happened above.
            await browser.App.RestartAsync();
        }

        // The new server does not know the old circuit, so the page reloads into a fresh one.
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.GetByText("Live", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }
}
