using System.Net;
using System.Net.WebSockets;
using Kitt.Dashboard.Sessions;
using Kitt.Dashboard.Tests.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Hosting;

/// <summary>
/// Behind a proxy, on a real Kestrel port: the forwarded client address is believed only from a configured proxy,
/// and then it is what the rate limits partition by and what the session list shows.
/// </summary>
public sealed class ProxyHeadersTests
{
    private const string ClientA = "203.0.113.7";
    private const string ClientB = "203.0.113.8";

    [Fact]
    public async Task From_a_known_proxy_each_forwarded_client_has_its_own_rate_limit_and_shows_in_the_session_list()
    {
        await using var app = Proxied(knownProxy: "127.0.0.1");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            await AnonymousCallsAsync(app, ClientA, 4));
        Assert.Equal([HttpStatusCode.Unauthorized], await AnonymousCallsAsync(app, ClientB, 1));

        var session = await OpenSocketSessionAsync(app, forwardedFor: "198.51.100.23");
        Assert.Equal("198.51.100.23", session.Address);
    }

    [Fact]
    public async Task From_anyone_else_forwarded_headers_are_ignored()
    {
        // A proxy is configured, but the requests come from loopback, which is not it.
        await using var app = Proxied(knownProxy: "10.9.9.9");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            await AnonymousCallsAsync(app, ClientA, 4));
        // Another "client" is the same caller: the made-up header does not buy a fresh budget.
        Assert.Equal([HttpStatusCode.TooManyRequests], await AnonymousCallsAsync(app, ClientB, 1));

        var session = await OpenSocketSessionAsync(app, forwardedFor: "198.51.100.23");
        Assert.EndsWith("127.0.0.1", session.Address);
    }

    private static SocketAppFactory Proxied(string knownProxy) => new(new Dictionary<string, string>
    {
        ["Proxy:KnownProxies:0"] = knownProxy,
        ["Security:ApiPer10Seconds"] = "3",
    });

    private static async Task<List<HttpStatusCode>> AnonymousCallsAsync(SocketAppFactory app, string forwardedFor, int count)
    {
        using var http = new HttpClient { BaseAddress = app.HttpAddress };
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/alerts");
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            request.Headers.Add("X-Forwarded-Proto", "https");
            using var response = await http.SendAsync(request);
            answers.Add(response.StatusCode);
        }

        return answers;
    }

    private static async Task<SessionInfo> OpenSocketSessionAsync(SocketAppFactory app, string forwardedFor)
    {
        var tracker = app.Services.GetRequiredService<CircuitTracker>();
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Api-Key", DashboardAppFactory.BootstrapKey);
        socket.Options.SetRequestHeader("X-Forwarded-For", forwardedFor);
        await socket.ConnectAsync(app.SocketUri("/ws/freight", "behind-proxy"), CancellationToken.None);
        await Eventually.TrueAsync(() => tracker.Sessions.Any(s => s.ClientId == "behind-proxy"));
        return tracker.Sessions.Single(s => s.ClientId == "behind-proxy");
    }
}
