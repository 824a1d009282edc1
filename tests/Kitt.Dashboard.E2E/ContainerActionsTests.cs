using Kitt.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kitt.Dashboard.E2E;

/// <summary>An operator restarts a container from its details, confirms, sees the result; the count and the audit log follow.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContainerActionsTests(BrowserFixture browser)
{
    [Fact]
    public async Task Restarting_from_the_details_counts_the_restart_and_writes_the_audit_log()
    {
        var name = "restart-me-" + Guid.NewGuid().ToString("N")[..6];
        await browser.Engine.DockerAsync("run", "-d", "--network", "none", "--name", name, "--label", "com.docker.compose.project=shop",
            DockerEngine.Image, "sh", "-c", "i=0; while true; do i=$((i+1)); echo \"tick-$i\"; echo \"oops-$i\" >&2; sleep 0.5; done");
        var page = await browser.OpenAsync("/containers");
        try
        {
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
            await Expect(row).ToContainTextAsync("running", new() { Timeout = 20_000 });
            await Expect(row.Locator("[data-testid=project]")).ToHaveTextAsync("shop");
            await Expect(row.Locator("[data-testid=restarts]")).ToHaveTextAsync("0");

            await row.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
            var detail = page.Locator("[data-testid=container-detail]");
            // Its logs follow live, stderr marked.
            await Expect(detail.Locator("[data-testid=log-line][data-stream=stderr]").First).ToContainTextAsync("oops-", new() { Timeout = 15_000 });
            await Expect(detail.Locator("[data-testid=log-line][data-stream=stdout]").Last).ToContainTextAsync("tick-");
            await detail.Locator("[data-testid=container-logs]").ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "containers-logs.png") });

            await detail.Locator("[data-testid=action-restart]").ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Restart" }).ClickAsync();
            // Its own toast: busybox ignores SIGTERM, so the engine kills it after 10 s, and that exit's alert toasts too.
            await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = $"Restarted {name}" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(detail.Locator("[data-testid=detail-restarts]")).ToContainTextAsync("1 (0 by the restart policy, 1 by hand)", new() { Timeout = 15_000 });
            await Expect(row.Locator("[data-testid=restarts]")).ToHaveTextAsync("1");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "containers-restarted.png") });

            await page.GotoAsync("/admin/container-audit");
            var entry = page.Locator("[data-testid=audit-row]").First;
            await Expect(entry).ToContainTextAsync(name);
            await Expect(entry).ToContainTextAsync("restart");
            await Expect(entry).ToContainTextAsync("admin");
            await Expect(entry).ToContainTextAsync("done");
        }
        finally
        {
            await browser.Engine.DockerAsync("rm", "-f", name);
            await page.Context.CloseAsync();
        }
    }
}
