using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kitt.Dashboard.Tests.Api;

/// <summary>The real app on the test host, with its own SQLite file and a Docker endpoint that is surely absent.</summary>
public sealed class DashboardAppFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Directory.CreateTempSubdirectory("kitt-api-").FullName;

    public string DatabasePath => Path.Combine(folder, "db", "kitt.db");

    public string DockerEndpoint => $"unix://{Path.Combine(folder, "docker.sock")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Kitt", $"Data Source={DatabasePath}");
        builder.UseSetting("Docker:Endpoint", DockerEndpoint);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
