using Kitt.Testing;
using static Microsoft.Playwright.Assertions;

namespace Kitt.Dashboard.E2E;

[Collection(BrowserCollection.Name)]
public sealed class AlertsTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_crashed_container_raises_a_toast_a_badge_and_a_sidebar_entry_that_the_history_keeps_across_a_restart()
    {
        var name = "crash-" + Guid.NewGuid().ToString("N")[..6];
        var page = await browser.OpenAsync("/");
        await browser.Engine.DockerAsync("run", "-d", "--network", "none", "--name", name, DockerEngine.Image, "sh", "-c", "exit 3");
        try
        {
            // The next poll sees it exited non-zero: a toast, and the bell counts it.
            var toast = page.Locator(".mud-snackbar").Filter(new() { HasText = $"{name} exited with code 3" });
            await Expect(toast).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Expect(page.Locator(".kitt-bell .mud-badge")).ToBeVisibleAsync();

            // Clicking the toast opens the sidebar on it; the search narrows the list to it.
            await toast.Locator(".mud-snackbar-content-message").ClickAsync();
            var sidebar = page.Locator("[data-testid=alert-sidebar]");
            await Expect(sidebar).ToBeVisibleAsync();
            await sidebar.GetByLabel("Search").FillAsync(name);
            var items = sidebar.Locator("[data-testid=alert-item]");
            await Expect(items).ToHaveCountAsync(1, new() { Timeout = 10_000 });
            await Expect(items.First).ToContainTextAsync("container_exit");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "alerts-sidebar.png") });

            // The export holds exactly what the filter selects.
            var csv = await (await page.Context.APIRequest.GetAsync($"/api/alerts.csv?q={name}")).TextAsync();
            var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.Contains(name, lines[1]);
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        // After a restart the history page, filtered through its address, still finds it.
        await browser.App.RestartAsync();
        var history = await browser.OpenAsync($"/alerts?q={name}");
        var row = history.Locator("[data-testid=alerts-table] tbody tr").Filter(new() { HasText = name });
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Expect(row).ToContainTextAsync("container_exit");
        await Expect(history.GetByTestId("alerts-total")).ToHaveTextAsync("1 alert");
        await Expect(history.GetByTestId("alert-counts-types")).ToContainTextAsync("container_exit 1");
        await row.ClickAsync();
        await Expect(history.Locator("[data-testid=alert-detail]")).ToContainTextAsync("firing");
        await history.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "alerts-history.png") });
        await history.Context.CloseAsync();
        await browser.Engine.DockerAsync("rm", "-f", name);
    }

    [Fact]
    public async Task With_a_memory_threshold_of_one_percent_the_host_alert_is_toasted_counted_listed_exported_and_kept_across_a_restart()
    {
        await using var app = await browser.App.StartAnotherAsync(new Dictionary<string, string> { ["Alerts__Thresholds__MemoryPercent"] = "1" });
        var page = await browser.OpenAsync("/", app);
        try
        {
            // The breach must last 10 s before it fires; then a toast, and the bell counts it.
            var toast = page.Locator(".mud-snackbar").Filter(new() { HasText = "Host memory at" });
            await Expect(toast).ToBeVisibleAsync(new() { Timeout = 40_000 });
            await Expect(page.Locator(".kitt-bell .mud-badge")).ToBeVisibleAsync();

            await toast.Locator(".mud-snackbar-content-message").ClickAsync();
            var sidebar = page.Locator("[data-testid=alert-sidebar]");
            await Expect(sidebar).ToBeVisibleAsync();
            await sidebar.GetByLabel("Search").FillAsync("host memory");
            var items = sidebar.Locator("[data-testid=alert-item]");
            await Expect(items).ToHaveCountAsync(1, new() { Timeout = 10_000 });
            await Expect(items.First).ToContainTextAsync("Host memory at");

            var csv = await (await page.Context.APIRequest.GetAsync("/api/alerts.csv?type=memory&q=host%20memory")).TextAsync();
            var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.Contains(",firing,memory,host,Host memory at", lines[1]);
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        // Still firing after a restart: taken up again, not fired twice, and found on the history page.
        await app.RestartAsync();
        var history = await browser.OpenAsync("/alerts?type=memory&q=host", app);
        var row = history.Locator("[data-testid=alerts-table] tbody tr").Filter(new() { HasText = "Host memory at" });
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Expect(history.GetByTestId("alerts-total")).ToHaveTextAsync("1 alert");
        await history.Context.CloseAsync();
    }

    [Fact]
    public async Task An_operator_acknowledges_an_alert_and_silences_its_rule_from_the_sidebar_and_the_next_one_shows_silenced()
    {
        var name = "silenced-" + Guid.NewGuid().ToString("N")[..6];
        var page = await browser.OpenAsync("/");
        await browser.Engine.DockerAsync("run", "-d", "--network", "none", "--name", name, DockerEngine.Image, "sh", "-c", "exit 4");
        try
        {
            var toast = page.Locator(".mud-snackbar").Filter(new() { HasText = $"{name} exited with code 4" });
            await Expect(toast).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await toast.Locator(".mud-snackbar-content-message").ClickAsync();
            var sidebar = page.Locator("[data-testid=alert-sidebar]");
            await sidebar.GetByLabel("Search").FillAsync(name);
            var items = sidebar.Locator("[data-testid=alert-item]");
            await Expect(items).ToHaveCountAsync(1, new() { Timeout = 10_000 });

            // Taken up: who shows on the alert, and it can be taken back.
            await items.First.GetByTestId("alert-ack").ClickAsync();
            await Expect(items.First.GetByTestId("alert-acked")).ToContainTextAsync("Acknowledged by", new() { Timeout = 10_000 });
            await items.First.GetByTestId("alert-silence").ClickAsync();
            await Expect(items.First).ToContainTextAsync("Silenced until", new() { Timeout = 10_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "alerts-sidebar-handled.png") });

            var silences = await (await page.Context.APIRequest.GetAsync("/api/alerts/silences")).TextAsync();
            Assert.Contains($"\"value\":\"{name}\"", silences, StringComparison.Ordinal);

            // The container gone (its alert resolves) and back, crashed again: the new alert is stored, and shows silenced.
            await browser.Engine.DockerAsync("rm", "-f", name);
            await Expect(items.First).ToContainTextAsync("resolved", new() { Timeout = 20_000 });
            await browser.Engine.DockerAsync("run", "-d", "--network", "none", "--name", name, DockerEngine.Image, "sh", "-c", "exit 4");
            await Expect(items).ToHaveCountAsync(2, new() { Timeout = 20_000 });
            await Expect(items.First.GetByTestId("alert-silenced")).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await Expect(items.Nth(1).GetByTestId("alert-acked")).ToBeVisibleAsync();

            // The history page's detail shows the same, and takes the acknowledgement back.
            var history = await browser.OpenAsync($"/alerts?q={name}&state=resolved");
            var row = history.Locator("[data-testid=alerts-table] tbody tr").Filter(new() { HasText = name });
            await Expect(row).ToContainTextAsync("ack", new() { Timeout = 15_000 });
            var firing = await browser.OpenAsync($"/alerts?q={name}&state=firing");
            var silencedRow = firing.Locator("[data-testid=alerts-table] tbody tr").Filter(new() { HasText = name });
            await Expect(silencedRow).ToContainTextAsync("silenced", new() { Timeout = 15_000 });
            await silencedRow.ClickAsync();
            var detail = firing.Locator("[data-testid=alert-detail]");
            await Expect(detail.GetByTestId("alert-silenced")).ToBeVisibleAsync();
            await detail.GetByTestId("alert-ack").ClickAsync();
            await Expect(detail.GetByTestId("alert-acked")).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await detail.GetByTestId("alert-unack").ClickAsync();
            await Expect(detail.GetByTestId("alert-acked")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
            await history.Context.CloseAsync();
            await firing.Context.CloseAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
            await browser.Engine.DockerAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task A_user_who_turns_the_sound_on_hears_a_chime_when_a_critical_alert_fires()
    {
        var name = "looping-" + Guid.NewGuid().ToString("N")[..6];
        var page = await browser.OpenAsync("/");
        try
        {
            await page.Keyboard.PressAsync("b");
            var sidebar = page.Locator("[data-testid=alert-sidebar]");
            await Expect(sidebar).ToBeVisibleAsync();
            await sidebar.GetByLabel("Sound for critical alerts").CheckAsync();
            await page.Keyboard.PressAsync("Escape");

            // Restarting again and again: a restart loop is critical.
            await browser.Engine.DockerAsync("run", "-d", "--network", "none", "--restart", "always", "--name", name, DockerEngine.Image, "sh", "-c", "exit 1");
            await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = $"{name} keeps restarting" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(page.Locator("html[data-alert-sound]")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        }
        finally
        {
            await page.Context.CloseAsync();
            await browser.Engine.DockerAsync("rm", "-f", name);
        }
    }
}
