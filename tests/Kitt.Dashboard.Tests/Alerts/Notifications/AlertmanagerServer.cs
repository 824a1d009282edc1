using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Kitt.Dashboard.Tests.Alerts.Notifications;

/// <summary>
/// Debian's Prometheus Alertmanager, started for one test in a temp folder with a config that routes everything to a
/// receiver that sends nowhere, on a free loopback port, with clustering off. The test reads its alerts API.
/// </summary>
public sealed class AlertmanagerServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/prometheus-alertmanager";

    private readonly string folder = Directory.CreateTempSubdirectory("kitt-alertmanager-").FullName;
    private readonly Process process;
    private readonly HttpClient http;

    private AlertmanagerServer()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException("prometheus-alertmanager is not installed: run the tests through tests/run.sh, which installs it.");
        }

        var port = Kitt.Testing.FreePort.Next();
        File.WriteAllText(Path.Combine(folder, "alertmanager.yml"), """
            route:
              receiver: nowhere
            receivers:
              - name: nowhere
            """);
        process = Process.Start(new ProcessStartInfo(Binary,
        [
            "--config.file=" + Path.Combine(folder, "alertmanager.yml"),
            "--storage.path=" + Path.Combine(folder, "data"),
            "--web.listen-address=127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
            "--cluster.listen-address=",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Url = new Uri($"http://127.0.0.1:{port}/");
        http = new HttpClient { BaseAddress = Url };
    }

    public Uri Url { get; }

    public static async Task<AlertmanagerServer> StartAsync()
    {
        var server = new AlertmanagerServer();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var ready = await server.http.GetAsync("-/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException("Alertmanager did not become ready within 30 s");
    }

    /// <summary>The active alerts Alertmanager holds with <c>alertname</c>, as their labels.</summary>
    public async Task<IReadOnlyList<Dictionary<string, string>>> AlertsAsync(string alertname)
    {
        var filter = Uri.EscapeDataString($"alertname=\"{alertname}\"");
        using var body = JsonDocument.Parse(await http.GetStringAsync($"api/v2/alerts?filter={filter}"));
        return [.. body.RootElement.EnumerateArray().Select(a => a.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!))];
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Hosting.ServerProcesses.StopAsync(process, folder);
    }
}
