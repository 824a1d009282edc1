using Kitt.Dashboard.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace Kitt.Dashboard.Tests.Containers;

/// <summary>The app watching a real engine, with settings of a test's own (a slow poll, to see what events alone do).</summary>
public sealed class EngineAppFactory(string endpoint, IReadOnlyDictionary<string, string>? settings = null) : DashboardAppFactory
{
    public override string DockerEndpoint => endpoint;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
