using System.Diagnostics;
using System.Globalization;
using Kitt.Testing;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// <c>/metrics</c> of the published dashboard watching <c>containers</c> containers on a private dockerd, with
/// <c>clients</c> KITT socket clients connected: each scrape's wall time, and the server's CPU per scrape (the CPU
/// time of all its threads over the scrape, less what it spends anyway at that moment: polls, heartbeats), as a share
/// of one core at Prometheus's 15 s interval. Scrapes are a second apart (compressed time). Baselines in the same
/// run: <c>/stats</c>, which walks the same connections, and <c>/health/live</c>.
/// </summary>
internal static class MetricsBench
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(string appDll, int containers, int clients, int scrapes)
    {
        var engine = new DockerEngine();
        await engine.InitializeAsync();
        try
        {
            Console.WriteLine($"starting {containers} containers on a private dockerd…");
            for (var i = 0; i < containers; i++)
            {
                await engine.DockerAsync("run", "-d", "--network", "none", "--name", $"bench-{i:000}", DockerEngine.Image, "sleep", "3600");
            }

            await using var app = await BenchApp.StartServerAsync(appDll, new Dictionary<string, string> { ["Docker:Endpoint"] = engine.Endpoint });
            var uri = new Uri(app.BaseAddress, "/ws/freight");
            var sockets = await BenchSocket.ConnectManyAsync(clients, i => new UriBuilder(uri) { Scheme = "ws", Query = $"client_id=m-{i}" }.Uri, BenchApp.ApiKey);
            using var http = new HttpClient { BaseAddress = app.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BenchApp.ApiKey);

            // Until the first poll has listed every container, and warm (JIT, connection pool).
            string text;
            while (!(text = await http.GetStringAsync("/metrics")).Contains("kitt_docker_containers{otel_scope_name=\"Kitt.Dashboard.Containers\",state=\"running\"} " + containers, StringComparison.Ordinal))
            {
                await Task.Delay(500);
            }

            var series = text.Split('\n').Count(l => l.Length > 0 && l[0] != '#');
            Console.WriteLine($"{containers} containers, {sockets.Count} socket clients connected; one scrape: {text.Length / 1024.0:0} KiB, {series} series");

            var metrics = await MeasureAsync(http, app.ProcessId, "/metrics", scrapes);
            var stats = await MeasureAsync(http, app.ProcessId, "/stats", scrapes);
            var live = await MeasureAsync(http, app.ProcessId, "/health/live", scrapes);
            Report("/metrics", metrics);
            Report("/stats (baseline)", stats);
            Report("/health/live (baseline)", live);
            Console.WriteLine($"p95 ratio /metrics ÷ /stats: {Percentiles.Of(metrics.WallMs, 95) / Percentiles.Of(stats.WallMs, 95):0.00}x");

            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }

            return 0;
        }
        finally
        {
            await engine.DisposeAsync();
        }
    }

    private static async Task<Samples> MeasureAsync(HttpClient http, int pid, string path, int count)
    {
        var walls = new List<double>();
        var cpus = new List<double>();
        for (var i = 0; i < count; i++)
        {
            // The server's CPU rate just before, over a quiet second, is what it would have spent during the scrape anyway.
            var quietStart = (Cpu: CpuNs(pid), At: Stopwatch.GetTimestamp());
            await Task.Delay(1000);
            var before = (Cpu: CpuNs(pid), At: Stopwatch.GetTimestamp());
            var quietRate = (double)(before.Cpu - quietStart.Cpu) / Stopwatch.GetElapsedTime(quietStart.At, before.At).TotalMilliseconds;

            using (var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead))
            {
                response.EnsureSuccessStatusCode();
            }

            var after = (Cpu: CpuNs(pid), At: Stopwatch.GetTimestamp());
            var wallMs = Stopwatch.GetElapsedTime(before.At, after.At).TotalMilliseconds;
            walls.Add(wallMs);
            cpus.Add(Math.Max(0, (after.Cpu - before.Cpu - quietRate * wallMs) / 1e6));
        }

        return new Samples(walls, cpus);
    }

    private static void Report(string label, Samples samples)
    {
        var cpu = Percentiles.Median(samples.CpuMs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-24} wall p50 {Percentiles.Median(samples.WallMs):0.00} ms, p95 {Percentiles.Of(samples.WallMs, 95):0.00} ms; " +
            $"server CPU per request median {cpu:0.00} ms (p95 {Percentiles.Of(samples.CpuMs, 95):0.00} ms) = " +
            $"{100 * cpu / Interval.TotalMilliseconds:0.000} % of one core at one request per {Interval.TotalSeconds:0} s"));
    }

    /// <summary>CPU time of every thread of the process, in nanoseconds (schedstat's first field), far finer than clock ticks.</summary>
    private static long CpuNs(int pid)
    {
        long total = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                total += long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // the thread ended between listing and reading
            }
        }

        return total;
    }

    private sealed record Samples(List<double> WallMs, List<double> CpuMs);
}
