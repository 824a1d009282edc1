using System.Diagnostics;

namespace Kitt.Testing;

/// <summary>
/// A real Docker engine for the tests: its own dockerd in a temp folder (no bridge, no firewall rules), and a
/// busybox image imported from a rootfs, so no registry is needed. Containers run with <c>--network none</c>.
/// </summary>
public sealed class DockerEngine : IAsyncLifetime
{
    public const string Image = "kitt-busybox:test";

    private readonly string folder = Directory.CreateTempSubdirectory("kitt-docker-").FullName;
    private Process? daemon;

    public string Socket => Path.Combine(folder, "docker.sock");

    public string Endpoint => "unix://" + Socket;

    public async Task InitializeAsync()
    {
        await StartDaemonAsync();
        await ImportBusyboxAsync();
    }

    /// <summary>
    /// Stops the daemon as a service manager does (SIGTERM), so it can start again on the same folders; a killed
    /// daemon leaves its containerd behind and cannot.
    /// </summary>
    public async Task StopDaemonAsync()
    {
        if (daemon is { HasExited: false })
        {
            await RunAsync("kill", ["-TERM", daemon.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await daemon.WaitForExitAsync();
        }

        daemon?.Dispose();
        daemon = null;
    }

    public async Task StartDaemonAsync()
    {
        if (daemon is { HasExited: false })
        {
            return;
        }

        if (!File.Exists("/usr/sbin/dockerd") && !File.Exists("/usr/bin/dockerd"))
        {
            throw new InvalidOperationException("dockerd is not installed: run the tests through tests/run.sh, which installs docker.io and busybox-static.");
        }

        daemon = Process.Start(new ProcessStartInfo("dockerd",
        [
            "--data-root", Path.Combine(folder, "root"), "--exec-root", Path.Combine(folder, "exec"),
            "--pidfile", Path.Combine(folder, "docker.pid"), "-H", Endpoint,
            "--bridge=none", "--iptables=false", "--ip-masq=false",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        daemon.BeginOutputReadLine();
        daemon.BeginErrorReadLine();

        for (var i = 0; i < 300 && !await AnswersAsync(); i++)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>Runs <c>docker ARGS</c> against this engine and returns its standard output.</summary>
    public async Task<string> DockerAsync(params string[] args)
    {
        var (code, output, error) = await RunAsync("docker", ["-H", Endpoint, .. args]);
        return code == 0 ? output.Trim() : throw new InvalidOperationException($"docker {string.Join(' ', args)} failed: {error}");
    }

    public async Task DisposeAsync()
    {
        if (daemon is { HasExited: false })
        {
            await RunAsync("docker", ["-H", Endpoint, "rm", "-f", .. (await ContainerIdsAsync())]);
            daemon.Kill(entireProcessTree: true);
            await daemon.WaitForExitAsync();
        }

        daemon?.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Overlay mounts can linger a moment after the daemon exits; the folder is in /tmp either way.
        }
    }

    private async Task<string[]> ContainerIdsAsync()
    {
        var (_, output, _) = await RunAsync("docker", ["-H", Endpoint, "ps", "-aq"]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private async Task<bool> AnswersAsync() =>
        File.Exists(Socket) && (await RunAsync("docker", ["-H", Endpoint, "version", "--format", "{{.Server.Version}}"])).Code == 0;

    private async Task ImportBusyboxAsync()
    {
        var rootfs = Directory.CreateDirectory(Path.Combine(folder, "rootfs", "bin")).FullName;
        File.Copy("/bin/busybox", Path.Combine(rootfs, "busybox"));
        // head and tr make memory hogs for OOM tests; seq and cat numbered log lines.
        foreach (var tool in new[] { "sh", "sleep", "yes", "true", "false", "head", "tr", "seq", "cat" })
        {
            File.CreateSymbolicLink(Path.Combine(rootfs, tool), "busybox");
        }

        var tar = Path.Combine(folder, "rootfs.tar");
        var (code, _, error) = await RunAsync("tar", ["-C", Path.Combine(folder, "rootfs"), "-cf", tar, "."]);
        if (code != 0)
        {
            throw new InvalidOperationException("tar failed: " + error);
        }

        await DockerAsync("import", tar, Image);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string file, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
