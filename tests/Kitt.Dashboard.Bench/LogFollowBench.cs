using System.Globalization;
using Kitt.Testing;
using Microsoft.Playwright;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// A log followed in the browser while its container writes about <c>rate</c> lines a second (bursts of seq every
/// 100 ms) for <c>seconds</c>: the server's CPU over the run (from /proc), its resident set before and after, and
/// the browser's frame intervals (a requestAnimationFrame loop in the page). Baseline in the same run: the same
/// page following a container that writes one line a second.
/// </summary>
internal static class LogFollowBench
{
    private const string FrameProbe = """
        seconds => new Promise(done => {
            const gaps = []; let last = performance.now(); const end = last + seconds * 1000;
            const tick = now => { gaps.push(now - last); last = now; now < end ? requestAnimationFrame(tick) : done(gaps); };
            requestAnimationFrame(tick);
        })
        """;

    public static async Task<int> RunAsync(string appDll, int rate, int seconds)
    {
        var engine = new DockerEngine();
        await engine.InitializeAsync();
        try
        {
            await using var app = await BenchApp.StartAsync(appDll, new Dictionary<string, string> { ["Docker:Endpoint"] = engine.Endpoint });
            var perBurst = Math.Max(1, rate / 10);
            await engine.DockerAsync("run", "-d", "--network", "none", "--name", "quiet", DockerEngine.Image, "sh", "-c",
                "i=0; while true; do i=$((i+1)); echo \"quiet line $i\"; sleep 1; done");
            await engine.DockerAsync("run", "-d", "--network", "none", "--name", "chatty", DockerEngine.Image, "sh", "-c",
                $"while true; do seq 1 {perBurst}; sleep 0.1; done");

            var quiet = await FollowAsync(app, engine, "quiet", seconds);
            var chatty = await FollowAsync(app, engine, "chatty", seconds);
            Report("baseline (1 line/s)", quiet);
            Report($"{rate:N0} lines/s", chatty);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"frame time p95 ratio {chatty.FrameP95 / quiet.FrameP95:0.00}x; server CPU ratio {chatty.CpuPercent / Math.Max(0.01, quiet.CpuPercent):0.0}x"));
            return 0;
        }
        finally
        {
            await engine.DisposeAsync();
        }
    }

    private static async Task<Run> FollowAsync(BenchApp app, DockerEngine engine, string name, int seconds)
    {
        await app.OpenAsync("/containers");
        await app.Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
        await app.Page.Locator("[data-testid=log-line]").First.WaitForAsync(new() { Timeout = 30_000 });
        var before = Sample(app.ProcessId);
        var status = app.Page.Locator("[data-testid=log-status]");
        var linesBefore = LinesLoaded(await status.TextContentAsync());
        var probe = app.Page.EvaluateAsync<double[]>(FrameProbe, seconds);
        var rss = new List<double>();
        while (!probe.IsCompleted)
        {
            // The resident set every 10 s: a bounded viewer levels off, a leak climbs.
            await Task.WhenAny(probe, Task.Delay(TimeSpan.FromSeconds(10)));
            rss.Add(Sample(app.ProcessId).RssMiB);
        }

        var gaps = await probe;
        var after = Sample(app.ProcessId);
        Console.WriteLine($"{name}: RSS every 10 s: {string.Join(", ", rss.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} MiB");
        var linesAfter = LinesLoaded(await status.TextContentAsync());
        Console.WriteLine($"{name}: the view received {linesAfter - linesBefore:N0} lines in {seconds} s; the container wrote {await WrittenAsync(engine, name):N0} in all");
        var cpuPercent = 100.0 * (after.CpuTicks - before.CpuTicks) / 100.0 / seconds; // clock ticks are 1/100 s
        var sorted = gaps.Skip(1).Order().ToArray();
        return new Run(cpuPercent, before.RssMiB, after.RssMiB, sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.95)], sorted[^1]);
    }

    private static long LinesLoaded(string? status) =>
        long.Parse(System.Text.RegularExpressions.Regex.Match(status ?? "", @"([\d,]+) lines received").Groups[1].Value.Replace(",", "", StringComparison.Ordinal) is { Length: > 0 } n ? n : "0", CultureInfo.InvariantCulture);

    private static async Task<long> WrittenAsync(DockerEngine engine, string name) =>
        (await engine.DockerAsync("logs", name)).Count(c => c == '\n') + 1;

    private static void Report(string label, Run run) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label,-22} server CPU {run.CpuPercent:0.0} % of one core, RSS {run.RssBeforeMiB:0} → {run.RssAfterMiB:0} MiB; " +
        $"browser frame interval p50 {run.FrameP50:0.0} ms, p95 {run.FrameP95:0.0} ms, max {run.FrameMax:0} ms"));

    private static (long CpuTicks, double RssMiB) Sample(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var rssKb = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return (ticks, long.Parse(rssKb, CultureInfo.InvariantCulture) / 1024.0);
    }

    private sealed record Run(double CpuPercent, double RssBeforeMiB, double RssAfterMiB, double FrameP50, double FrameP95, double FrameMax);
}
