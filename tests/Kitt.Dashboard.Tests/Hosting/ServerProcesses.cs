using System.Diagnostics;

namespace Kitt.Dashboard.Tests.Hosting;

/// <summary>The end of a server a test started as a process in a temp folder of its own (Prometheus, Alertmanager, SMTP).</summary>
public static class ServerProcesses
{
    /// <summary>Stops the process and its children, and removes its folder.</summary>
    public static async Task StopAsync(Process process, string folder)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
