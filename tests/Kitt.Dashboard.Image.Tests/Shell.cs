using System.Diagnostics;

namespace Kitt.Dashboard.Image.Tests;

/// <summary>Commands the image test runs on this machine: apt, dpkg-deb, tar piped into docker, dotnet restore.</summary>
internal static class Shell
{
    /// <summary>Runs <c>bash -c</c> <paramref name="script"/> and returns its output; a non-zero exit throws with both streams.</summary>
    public static async Task<string> RunAsync(string script, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{script}` exited {process.ExitCode}:\n{Tail(await error)}\n{Tail(await output)}");
        }

        return await output;
    }

    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}
