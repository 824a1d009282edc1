using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Kitt.Dashboard.Tests.Telemetry;

/// <summary>
/// Debian's Prometheus, started for one test in a temp folder with its own config and storage, on a free loopback
/// port; stopped and removed with the test.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kitt-prometheus-").FullName;
    private readonly Process process;
    private readonly HttpClient http;

    private PrometheusServer(string config)
    {
        if (!File.Exists("/usr/bin/prometheus"))
        {
            throw new InvalidOperationException("prometheus is not installed: run the tests through tests/run.sh, which installs it.");
        }

        var port = Kitt.Testing.FreePort.Next();
        File.WriteAllText(Path.Combine(folder, "prometheus.yml"), config);
        process = Process.Start(new ProcessStartInfo("/usr/bin/prometheus",
        [
            "--config.file=" + Path.Combine(folder, "prometheus.yml"),
            "--storage.tsdb.path=" + Path.Combine(folder, "data"),
            "--web.listen-address=127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    /// <summary>Scrapes <paramref name="target"/>'s <c>/metrics</c> every second with the key as a bearer token.</summary>
    public static PrometheusServer Scraping(Uri target, string bearerKey) => new($"""
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
        scrape_configs:
          - job_name: kitt
            metrics_path: /metrics
            authorization:
              type: Bearer
              credentials: {bearerKey}
            static_configs:
              - targets: ['{target.Authority}']
        """);

    /// <summary>An instant query's samples as (labels, value), or none while Prometheus is not up yet.</summary>
    public async Task<IReadOnlyList<(Dictionary<string, string> Labels, string Value)>> QueryAsync(string query)
    {
        try
        {
            using var body = JsonDocument.Parse(await http.GetStringAsync("api/v1/query?query=" + Uri.EscapeDataString(query)));
            return [.. body.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().Select(r => (
                r.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
                r.GetProperty("value")[1].GetString()!))];
        }
        catch (HttpRequestException)
        {
            return [];
        }
    }

    /// <summary>Every series name Prometheus holds.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync()
    {
        using var body = JsonDocument.Parse(await http.GetStringAsync("api/v1/label/__name__/values"));
        return [.. body.RootElement.GetProperty("data").EnumerateArray().Select(n => n.GetString()!)];
    }

    /// <summary>The scrape target's health and last error, as Prometheus's own targets page says it.</summary>
    public async Task<string> TargetsAsync()
    {
        try
        {
            return await http.GetStringAsync("api/v1/targets");
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Hosting.ServerProcesses.StopAsync(process, folder);
    }
}
