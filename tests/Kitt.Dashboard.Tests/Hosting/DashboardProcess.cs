using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Kitt.Dashboard.Tests.Hosting;

/// <summary>
/// The dashboard as its own process, the way an operator starts it, on a free loopback port and its own SQLite file;
/// for what must see one dashboard per process (the process-wide meters a scrape reads), and killed with the test.
/// </summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kitt-process-").FullName;
    private readonly Process process;
    private readonly System.Text.StringBuilder log = new();

    private DashboardProcess(IReadOnlyDictionary<string, string> settings)
    {
        var port = Kitt.Testing.FreePort.Next();
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Kitt.Dashboard.dll"), "--urls", Address.ToString().TrimEnd('/')])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Kitt"] = $"Data Source={Path.Combine(folder, "kitt.db")}";
        info.Environment["Docker__Endpoint"] = $"unix://{Path.Combine(folder, "no-docker.sock")}";
        info.Environment["Auth__AdminPassword"] = DashboardAppFactory.AdminPassword;
        info.Environment["Auth__BootstrapApiKey"] = DashboardAppFactory.BootstrapKey;
        info.Environment["Security__RequireHttps"] = "false";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Starts the dashboard and returns once <c>/health/ready</c> answers 200.</summary>
    public static async Task<DashboardProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new DashboardProcess(settings ?? new Dictionary<string, string>());
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                using var ready = await http.GetAsync("health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            if (app.process.HasExited || DateTime.UtcNow > deadline)
            {
                await app.DisposeAsync();
                throw new InvalidOperationException("the dashboard did not become ready: " + app.Log);
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite's WAL files may still be closing; the folder is in the temp directory either way.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }
}
