using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kitt.Dashboard.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ShellTests(BrowserFixture browser)
{
    [Fact]
    public async Task Operator_navigates_with_the_drawer_and_live_updates_arrive_over_the_blazor_websocket()
    {
        var page = await browser.NewPageAsync();
        var context = page.Context;
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            // The CSP and strict MIME checks must not block anything the dashboard itself ships.
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("Refused", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        await BrowserFixture.SignInAsync(page, "admin", PublishedApp.AdminPassword);
        var framesFromServer = 0;
        var blazorSocket = new TaskCompletionSource<string>();
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                blazorSocket.TrySetResult(socket.Url);
                socket.FrameReceived += (_, _) => Interlocked.Increment(ref framesFromServer);
            }
        };

        await page.GotoAsync("/");
        await BrowserFixture.WaitForCircuitAsync(page);
        Assert.StartsWith($"ws://{browser.App.BaseAddress.Authority}/_blazor", await blazorSocket.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await Expect(page.GetByText("Live", new() { Exact = true })).ToBeVisibleAsync();

        // Host tiles are pushed by the server every 2 s: wait for two different samples to arrive over the circuit.
        var cpu = page.Locator("[data-testid=tile-cpu]");
        await Expect(cpu).ToContainTextAsync("%", new() { Timeout = 15_000 });
        var framesBefore = Volatile.Read(ref framesFromServer);
        await page.WaitForTimeoutAsync(4_500);
        Assert.True(Volatile.Read(ref framesFromServer) > framesBefore, "no render batch arrived over /_blazor while host samples were published");

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "overview.png") });

        await page.GetByRole(AriaRole.Link, new() { Name = "Containers", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/containers$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Containers", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Engine reachable")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "containers.png") });

        await page.GetByRole(AriaRole.Link, new() { Name = "Sessions", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sessions$"));
        await Expect(page.GetByTestId("open-sessions")).Not.ToHaveTextAsync("0");
        // This tab shows up as the admin on /sessions (earlier tabs of other tests may linger as disconnected).
        await Expect(page.GetByTestId("session-row").Filter(new() { HasText = "/sessions" }).First).ToContainTextAsync("admin");

        await page.GetByRole(AriaRole.Link, new() { Name = "Alerts", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alerts", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("alerts-table")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Shipments", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Shipments", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(refused);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Dark_theme_is_remembered_by_the_browser()
    {
        var page = await browser.OpenAsync();
        var ready = page.Locator("#kitt-ready");
        await Expect(ready).ToHaveAttributeAsync("data-theme", "light");

        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(ready).ToHaveAttributeAsync("data-theme", "dark");

        // The page turns dark at once; the browser module writes the cookie a moment later.
        for (var i = 0; i < 50 && !(await page.Context.CookiesAsync()).Any(c => c.Name == "kitt-theme" && c.Value == "dark"); i++)
        {
            await page.WaitForTimeoutAsync(100);
        }

        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.Locator("#kitt-ready")).ToHaveAttributeAsync("data-theme", "dark");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "overview-dark.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_question_mark_opens_the_shortcuts_and_g_c_goes_to_containers()
    {
        var page = await browser.OpenAsync();

        await page.Keyboard.PressAsync("Shift+Slash");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Keyboard shortcuts");
        await Expect(dialog).ToContainTextAsync("Go to Containers");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();

        await page.Keyboard.PressAsync("g");
        await page.Keyboard.PressAsync("c");
        await Expect(page).ToHaveURLAsync(new Regex("/containers$"));
        await page.Context.CloseAsync();
    }
}
