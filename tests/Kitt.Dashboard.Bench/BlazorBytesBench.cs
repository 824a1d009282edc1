using System.Text;
using Kitt.Dashboard.E2E;
using Microsoft.Playwright;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// Bytes the server sends over the Blazor circuit's WebSocket (<c>/_blazor</c>) per minute, measured in Chromium
/// on the published app watching a private dockerd: first on the Containers page with <c>count</c> live
/// containers, then, on the same circuit, on the Sessions page, which does not subscribe to <c>containers</c>.
/// </summary>
internal static class BlazorBytesBench
{
    public static async Task<int> RunAsync(int count, int seconds)
    {
        var browser = new BrowserFixture();
        try
        {
            await browser.InitializeAsync();
            // Small bursts of work every second keep each container's figures changing, as live services do.
            for (var i = 0; i < count; i++)
            {
                await browser.Engine.DockerAsync("run", "-d", "--network", "none", "--name", $"live-{i:00}", Kitt.Testing.DockerEngine.Image,
                    "sh", "-c", "while :; do i=0; while [ $i -lt 3000 ]; do i=$((i+1)); done; sleep 1; done");
            }

            var page = await browser.NewPageAsync();
            var meter = new SocketMeter();
            page.WebSocket += (_, socket) =>
            {
                if (socket.Url.Contains("/_blazor", StringComparison.Ordinal))
                {
                    socket.FrameReceived += (_, frame) => meter.Add(frame);
                }
            };
            await BrowserFixture.SignInAsync(page, "admin", PublishedApp.AdminPassword);
            await page.GotoAsync("/containers");
            await BrowserFixture.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator(".kitt-row-link")).ToHaveCountAsync(count, new() { Timeout = 30_000 });

            var containers = await meter.MeasureAsync(TimeSpan.FromSeconds(seconds));
            Console.WriteLine($"Containers page, {count} live containers: {containers}");

            await page.GetByRole(AriaRole.Link, new() { Name = "Sessions" }).ClickAsync();
            await page.WaitForURLAsync("**/sessions");
            await Task.Delay(TimeSpan.FromSeconds(2)); // the navigation's own render is not part of the steady state
            var sessions = await meter.MeasureAsync(TimeSpan.FromSeconds(seconds));
            Console.WriteLine($"Sessions page (not subscribed to containers): {sessions}");
            Console.WriteLine($"ratio containers/sessions: {containers.BytesPerMinute / Math.Max(1, sessions.BytesPerMinute):0}x");
            return 0;
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }

    private sealed class SocketMeter
    {
        private long bytes;
        private long frames;

        public void Add(IWebSocketFrame frame)
        {
            Interlocked.Add(ref bytes, frame.Binary?.Length ?? Encoding.UTF8.GetByteCount(frame.Text ?? ""));
            Interlocked.Increment(ref frames);
        }

        public async Task<Reading> MeasureAsync(TimeSpan span)
        {
            var (bytesBefore, framesBefore) = (Interlocked.Read(ref bytes), Interlocked.Read(ref frames));
            await Task.Delay(span);
            var minutes = span.TotalMinutes;
            return new Reading((Interlocked.Read(ref bytes) - bytesBefore) / minutes, (Interlocked.Read(ref frames) - framesBefore) / minutes);
        }
    }

    private sealed record Reading(double BytesPerMinute, double FramesPerMinute)
    {
        public override string ToString() => $"{BytesPerMinute / 1024:0.0} KiB/min in {FramesPerMinute:0} frames/min";
    }
}
