using System.Net;
using System.Net.WebSockets;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Sockets;

/// <summary>Who may open the sockets, and what a client without a client_id hears.</summary>
public sealed class KittSocketAccessTests(SocketAppFactory app) : IClassFixture<SocketAppFactory>
{
    [Theory]
    [InlineData("/ws/freight")]
    [InlineData("/ws/packing")]
    [InlineData("/ws/notifications")]
    public async Task Without_a_key_the_upgrade_is_refused_with_401(string path)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(app.SocketUri(path, "no-key"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_wrong_key_is_refused_with_401_in_the_header_or_the_query(bool inQuery)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (!inQuery)
        {
            socket.Options.SetRequestHeader("X-Api-Key", "kitt_not_a_key");
        }

        var uri = app.SocketUri("/ws/freight", "bad-key", inQuery ? "kitt_not_a_key" : null);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Fact]
    public async Task A_key_in_the_query_opens_the_socket()
    {
        await using var client = await KittClient.ConnectAsync(app, "/ws/packing", "query-key", keyInQuery: true);
        Assert.Equal(WebSocketState.Open, client.Socket.State);
        await KittSocketErrorTests.AssertStillAnswers(client);
    }

    [Fact]
    public async Task An_analyst_key_may_not_open_freight_but_may_listen_to_notifications()
    {
        var key = await CreateKeyAsync("Analyst");
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("X-Api-Key", key);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(app.SocketUri("/ws/freight", "analyst"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);

        // Notifications are for every key.
        await using var listener = await KittClient.ConnectAsync(app, "/ws/notifications", "analyst", key: key);
        Assert.Equal(WebSocketState.Open, listener.Socket.State);
    }

    [Fact]
    public async Task Without_a_client_id_the_socket_is_closed_with_a_clear_reason()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Api-Key", DashboardAppFactory.BootstrapKey);
        await socket.ConnectAsync(app.SocketUri("/ws/freight", null), CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await socket.ReceiveAsync(new byte[256], timeout.Token);

        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, result.CloseStatus);
        Assert.Equal("client_id query parameter is required", result.CloseStatusDescription);
    }

    [Fact]
    public async Task A_plain_request_to_a_socket_path_gets_400()
    {
        using var http = app.KeyClient();
        using var response = await http.GetAsync("/ws/notifications?client_id=plain");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<string> CreateKeyAsync(string role)
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        return (await keys.CreateAsync("ws-" + role.ToLowerInvariant(), role, "admin")).Key;
    }
}
