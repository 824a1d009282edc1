using Kitt.Testing;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kitt.Dashboard.E2E;

/// <summary>
/// Publishes the dashboard once and runs the published output as its own process on a real Kestrel port, as an
/// operator would run it: this proves the publish output carries the top-level wwwroot/ and appsettings.json.
/// </summary>
public sealed partial class PublishedApp : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kitt-e2e-").FullName;
    private readonly List<string> log = [];
    private Process? process;
    private string? appFolder;
    private IReadOnlyDictionary<string, string> settings = new Dictionary<string, string>();

    public Uri BaseAddress { get; private set; } = default!;

    public const string AdminPassword = "E2e-Admin-Passw0rd";
    public const string BootstrapKey = "kitt_e2e_bootstrap_key_0123456789abcdef";

    public string DockerEndpoint { get; private init; } = "";

    public string AppFolder => appFolder ?? Path.Combine(folder, "app");

    /// <summary>Everything the app wrote to stdout, over all its starts, for the artifacts of a run.</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (log)
            {
                return [.. log];
            }
        }
    }

    public static async Task<PublishedApp> PublishAndStartAsync(string dockerEndpoint)
    {
        var app = new PublishedApp { DockerEndpoint = dockerEndpoint };
        await app.PublishAsync();
        await app.StartAsync(port: 0);
        return app;
    }

    /// <summary>
    /// Starts a second dashboard from the same published output, with a database of its own and extra settings
    /// (environment variables, as an operator sets them), for a test that needs the app configured otherwise.
    /// </summary>
    public async Task<PublishedApp> StartAnotherAsync(IReadOnlyDictionary<string, string> extraSettings)
    {
        var other = new PublishedApp { DockerEndpoint = DockerEndpoint, appFolder = AppFolder, settings = extraSettings };
        await other.StartAsync(port: 0);
        return other;
    }

    /// <summary>Starts the app again on the same port, as after a crash or a deployment (stopping it first if it runs).</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync(BaseAddress.Port);
    }

    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private async Task PublishAsync()
    {
        var project = RepoRoot.Combine("src", "Kitt.Dashboard", "Kitt.Dashboard.csproj");
        var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", AppFolder, "--nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed:\n{await output}\n{await errors}");
        }
    }

    private async Task StartAsync(int port)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppFolder, "Kitt.Dashboard.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Kitt"] = $"Data Source={Path.Combine(folder, "data", "kitt.db")}";
        info.Environment["Docker__Endpoint"] = DockerEndpoint;
        info.Environment["Auth__AdminPassword"] = AdminPassword;
        info.Environment["Auth__BootstrapApiKey"] = BootstrapKey;
        // Every test signs in through the form; the default of 10 a minute per address is for real clients.
        info.Environment["Security__SignInPerMinute"] = "200";
        info.Environment["Auth__RevalidateSeconds"] = "2";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in settings)
        {
            info.Environment[name] = value;
        }

        process = Process.Start(info)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("The dashboard exited:\n" + string.Join('\n', Log)));
                return;
            }

            lock (log)
            {
                log.Add(e.Data);
            }

            if (ListeningOn().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process?.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
