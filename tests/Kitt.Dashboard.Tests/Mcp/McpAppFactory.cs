using Kitt.Dashboard.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace Kitt.Dashboard.Tests.Mcp;

/// <summary>
/// The app with a memory threshold of 1 %, which the host surely breaches, so there are alerts to list, and a
/// request limit that many tool calls with one key in a few seconds stay under.
/// </summary>
public sealed class McpAppFactory : DashboardAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Alerts:Thresholds:MemoryPercent", "1");
        builder.UseSetting("Security:ApiPer10Seconds", "10000");
    }
}
