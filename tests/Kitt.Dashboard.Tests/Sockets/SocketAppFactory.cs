using Kitt.Dashboard.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kitt.Dashboard.Tests.Sockets;

/// <summary>
/// The app on a real Kestrel port for real WebSocket clients, with connect limits out of the way and, when a test
/// needs to move time, the app's clock replaced by a <see cref="FakeTimeProvider"/>.
/// </summary>
public class SocketAppFactory : DashboardAppFactory
{
    private readonly IReadOnlyDictionary<string, string> settings;

    public SocketAppFactory()
        : this(new Dictionary<string, string>())
    {
    }

    // Not public: a class fixture may have one public constructor only.
    internal SocketAppFactory(IReadOnlyDictionary<string, string> settings, FakeTimeProvider? clock = null)
    {
        this.settings = settings;
        Clock = clock;
        UseKestrel(0);
    }

    public FakeTimeProvider? Clock { get; }

    public Uri HttpAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        }
    }

    public Uri SocketUri(string path, string? clientId, string? apiKey = null)
    {
        var query = new List<string>();
        if (clientId is not null)
        {
            query.Add("client_id=" + Uri.EscapeDataString(clientId));
        }

        if (apiKey is not null)
        {
            query.Add("api_key=" + Uri.EscapeDataString(apiKey));
        }

        var builder = new UriBuilder(new Uri(HttpAddress, path)) { Scheme = "ws", Query = string.Join('&', query) };
        return builder.Uri;
    }

    public HttpClient KeyClient()
    {
        var client = new HttpClient { BaseAddress = HttpAddress };
        client.DefaultRequestHeaders.Add(Kitt.Dashboard.Security.ApiKeyService.Header, BootstrapKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:WebSocketConnectsPerMinute", "100000");
        builder.UseSetting("Packing:SearchSeconds", "0.2");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (Clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
