using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Bench;

/// <summary>The dashboard in this process on a real Kestrel port, on a fresh SQLite file, with connect limits raised for many clients.</summary>
// Named by a type of the app's assembly: this console's own top-level Program would shadow the app's.
internal sealed class InProcessApp : WebApplicationFactory<Kitt.Dashboard.Sockets.KittConnections>
{
    private readonly string folder = Directory.CreateTempSubdirectory("kitt-bench-ws-").FullName;
    private readonly IReadOnlyDictionary<string, string> settings;

    public InProcessApp(IReadOnlyDictionary<string, string> settings)
    {
        this.settings = settings;
        // The factory finds the app's content root through a manifest it looks for in the working directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        UseKestrel(0);
        StartServer();
        Services.GetRequiredService<Kitt.Dashboard.Hosting.StartupWork>().Ready.Wait(TimeSpan.FromSeconds(120));
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        HttpAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    public Uri HttpAddress { get; }

    public Uri Socket(string path, string clientId) =>
        new UriBuilder(new Uri(HttpAddress, path)) { Scheme = "ws", Query = "client_id=" + Uri.EscapeDataString(clientId) }.Uri;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Kitt", $"Data Source={Path.Combine(folder, "kitt.db")}");
        builder.UseSetting("Docker:Endpoint", $"unix://{Path.Combine(folder, "no-docker.sock")}");
        builder.UseSetting("Auth:AdminPassword", BenchApp.AdminPassword);
        builder.UseSetting("Auth:BootstrapApiKey", BenchApp.ApiKey);
        builder.UseSetting("Security:RequireHttps", "false");
        builder.UseSetting("Security:WebSocketConnectsPerMinute", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
