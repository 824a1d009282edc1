using System.Globalization;
using System.Text.RegularExpressions;
using Kitt.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kitt.Dashboard.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ContainersLiveTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_busy_containers_cpu_shows_up_and_updates_without_a_reload()
    {
        var name = "busy-" + Guid.NewGuid().ToString("N")[..6];
        var page = await browser.OpenAsync("/containers");
        await Expect(page.GetByText("Engine reachable")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await browser.Engine.DockerAsync("run", "-d", "--network", "none", "--name", name, DockerEngine.Image, "sh", "-c", "yes > /dev/null");
        try
        {
            // The row appears by itself, then its CPU cell fills in and keeps changing as polls arrive.
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
            await Expect(row).ToContainTextAsync("running", new() { Timeout = 20_000 });
            var cpu = row.Locator("[data-testid=cpu]");
            await Expect(cpu).ToHaveTextAsync(new Regex(@"^\s*[1-9][0-9]*(\.[0-9])? %"), new() { Timeout = 20_000 });
            var first = await cpu.TextContentAsync();
            var loads = 0;
            page.Load += (_, _) => loads++;
            await Expect(cpu).Not.ToHaveTextAsync(first!, new() { Timeout = 20_000 });

            Assert.Equal(0, loads);
            Assert.True(double.Parse(Regex.Match((await cpu.TextContentAsync())!, @"[0-9.]+").Value, CultureInfo.InvariantCulture) > 1);
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "containers-live.png") });

            // Its details: the CPU chart of the last 15 minutes, and the hour from stored minutes.
            await row.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
            var detail = page.Locator("[data-testid=container-detail]");
            await Expect(detail.Locator("[data-testid=chart-cpu] polyline")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
            await detail.GetByText("1 h", new() { Exact = true }).ClickAsync();
            await Expect(detail).ToContainTextAsync("One point per minute");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "containers-detail.png") });
        }
        finally
        {
            await browser.Engine.DockerAsync("rm", "-f", name);
            await page.Context.CloseAsync();
        }
    }
}
