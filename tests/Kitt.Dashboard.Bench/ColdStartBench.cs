using System.Diagnostics;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// Starts the published dashboard on its embedded defaults (fresh SQLite file, no Docker engine) and times
/// process start to the first <c>/health</c> 200. The baseline, run alternately in the same bench, is the
/// runtime starting the same assembly for its health probe only (no web host), i.e. the floor of any start.
/// </summary>
internal static class ColdStartBench
{
    public static async Task<int> RunAsync(string appDll, int rounds)
    {
        if (!File.Exists(appDll))
        {
            Console.Error.WriteLine($"not found: {appDll} (publish first: dotnet publish src/Kitt.Dashboard -c Release -o OUT)");
            return 2;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var starts = new List<double>();
        var baselines = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            baselines.Add(await TimeProbeOnlyAsync(appDll));
            starts.Add(await TimeToHealthyAsync(appDll, http));
            Console.WriteLine($"round {round + 1}: start→/health 200 {starts[^1]:0} ms, runtime floor {baselines[^1]:0} ms");
        }

        var median = Percentiles.Median(starts);
        Console.WriteLine($"cold start to /health 200: median {median:0} ms, max {starts.Max():0} ms over {rounds} rounds; " +
                          $"runtime floor median {Percentiles.Median(baselines):0} ms; ratio {median / Percentiles.Median(baselines):0.0}x");
        return 0;
    }

    private static async Task<double> TimeToHealthyAsync(string appDll, HttpClient http)
    {
        var folder = Directory.CreateTempSubdirectory("kitt-cold-").FullName;
        var port = Kitt.Testing.FreePort.Next();
        var info = new ProcessStartInfo("dotnet", [appDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/health");
                    if (response.IsSuccessStatusCode)
                    {
                        return watch.Elapsed.TotalMilliseconds;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(10);
            }

            throw new TimeoutException("the dashboard did not become healthy within 60 s");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> TimeProbeOnlyAsync(string appDll)
    {
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("dotnet", [appDll, "healthcheck", "http://127.0.0.1:1/health"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await process.WaitForExitAsync();
        return watch.Elapsed.TotalMilliseconds;
    }
}
