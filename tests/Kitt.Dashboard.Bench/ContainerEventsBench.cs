using System.Diagnostics;
using Kitt.Testing;
using Microsoft.Playwright;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// Engine event to browser: the published dashboard on a private dockerd, the Containers page open in Chromium. Each
/// round starts a container, waits for its row, kills it, and times from the kill to the row showing <c>exited</c>
/// (checked every animation frame in the page). Baseline in the same run: the <c>docker kill</c> command's own time,
/// which the figure includes. The poll is slowed to a minute, so only the event stream can be this quick.
/// </summary>
internal static class ContainerEventsBench
{
    public static async Task<int> RunAsync(string appDll, int rounds)
    {
        var engine = new DockerEngine();
        await engine.InitializeAsync();
        try
        {
            await using var app = await BenchApp.StartAsync(appDll, new Dictionary<string, string>
            {
                ["Docker:Endpoint"] = engine.Endpoint,
                ["Docker:PollSeconds"] = "60",
            });
            await app.OpenAsync("/containers");
            var latencies = new List<double>();
            var kills = new List<double>();
            for (var round = 0; round <= rounds; round++)
            {
                var name = $"victim-{round:00}";
                await engine.DockerAsync("run", "-d", "--network", "none", "--name", name, DockerEngine.Image, "sleep", "600");
                var row = app.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
                await row.Filter(new() { HasText = "running" }).WaitForAsync(new() { Timeout = 30_000 });

                var watch = Stopwatch.StartNew();
                var shown = app.Page.WaitForFunctionAsync(
                    "name => [...document.querySelectorAll('tr')].some(r => r.textContent.includes(name) && r.textContent.includes('exited'))",
                    name, new() { PollingInterval = null, Timeout = 30_000 });
                await engine.DockerAsync("kill", name);
                var killed = watch.Elapsed.TotalMilliseconds;
                await shown;
                if (round > 0)
                {
                    // Round 0 warms up the page and the engine.
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                    kills.Add(killed);
                }

                await engine.DockerAsync("rm", "-f", name);
            }

            Console.WriteLine($"container killed → row shows exited in Chromium, {rounds} rounds: p50 {Percentiles.Median(latencies):0} ms, " +
                              $"p99 {Percentiles.Of(latencies, 99):0} ms, max {latencies.Max():0} ms; the docker kill command alone p50 {Percentiles.Median(kills):0} ms");
            return 0;
        }
        finally
        {
            await engine.DisposeAsync();
        }
    }
}
