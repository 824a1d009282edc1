using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kitt.Dashboard.Tests.Hosting;

namespace Kitt.Dashboard.Tests.Sockets;

/// <summary>A real <see cref="ClientWebSocket"/> speaking the KITT protocol, with reads that give up after a while.</summary>
public sealed class KittClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private KittClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<KittClient> ConnectAsync(SocketAppFactory app, string path, string clientId, bool keyInQuery = false, string? key = null)
    {
        key ??= DashboardAppFactory.BootstrapKey;
        var socket = new ClientWebSocket();
        if (!keyInQuery)
        {
            socket.Options.SetRequestHeader("X-Api-Key", key);
        }

        using var timeout = new CancellationTokenSource(DefaultWait);
        await socket.ConnectAsync(app.SocketUri(path, clientId, keyInQuery ? key : null), timeout.Token);
        return new KittClient(socket);
    }

    /// <summary>
    /// Connects and waits for the answer to a heartbeat: the server adds a connection to its broadcast list after the
    /// handshake the client sees, so a test that broadcasts at once could otherwise send before the listener is listed.
    /// </summary>
    public static async Task<KittClient> ConnectListedAsync(SocketAppFactory app, string path, string clientId)
    {
        var client = await ConnectAsync(app, path, clientId);
        await client.SendAsync(Envelope("heartbeat", null, "listed"));
        await client.ReceiveAsync("heartbeat");
        return client;
    }

    public static JsonObject Envelope(string type, JsonNode? payload, string? correlationId = null) => new()
    {
        ["type"] = type,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["payload"] = payload,
        ["correlation_id"] = correlationId,
    };

    public Task SendAsync(JsonNode message) => SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()));

    public async Task SendAsync(byte[] bytes, WebSocketMessageType kind = WebSocketMessageType.Text)
    {
        using var timeout = new CancellationTokenSource(DefaultWait);
        await Socket.SendAsync(bytes, kind, endOfMessage: true, timeout.Token);
    }

    /// <summary>The next message, or fails the test when none comes or the server closes instead.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? wait = null)
    {
        var (message, close) = await ReceiveOrCloseAsync(wait);
        return message ?? throw new Xunit.Sdk.XunitException($"the server closed the connection: {close}");
    }

    /// <summary>The next message of the given type, skipping others.</summary>
    public async Task<JsonElement> ReceiveAsync(string type, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new Xunit.Sdk.XunitException($"no {type} message arrived");
            }

            var message = await ReceiveAsync(left);
            if (message.GetProperty("type").GetString() == type)
            {
                return message;
            }
        }
    }

    public async Task<(JsonElement? Message, string? Close)> ReceiveOrCloseAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        var buffer = new byte[1 << 16];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        try
        {
            do
            {
                result = await Socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (null, $"{(int?)result.CloseStatus} {result.CloseStatusDescription}");
                }

                text.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException("no message arrived in time");
        }

        using var document = JsonDocument.Parse(text.ToArray());
        return (document.RootElement.Clone(), null);
    }

    /// <summary>Reads until the server closes; the close status and reason.</summary>
    public async Task<string> ReceiveCloseAsync(TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
        while (DateTime.UtcNow < deadline)
        {
            var (_, close) = await ReceiveOrCloseAsync(deadline - DateTime.UtcNow);
            if (close is not null)
            {
                return close;
            }
        }

        throw new Xunit.Sdk.XunitException("the server did not close the connection");
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                Socket.Abort();
            }
        }

        Socket.Dispose();
    }
}
