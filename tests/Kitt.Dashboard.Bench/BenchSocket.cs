using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace Kitt.Dashboard.Bench;

/// <summary>A bench client: a real <see cref="ClientWebSocket"/> whose reader notes when each message arrived.</summary>
internal sealed class BenchSocket : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private Task? reader;

    private BenchSocket()
    {
    }

    /// <summary>Called with the arrival time (Stopwatch ticks) and the message, on the reader's thread.</summary>
    public Action<long, ReadOnlyMemory<byte>>? OnMessage { get; set; }

    // One handler for all clients, as a real client process would share it; each socket alone would bring its own.
    private static readonly HttpMessageInvoker Invoker = new(new SocketsHttpHandler());

    public static async Task<BenchSocket> ConnectAsync(Uri uri, string apiKey)
    {
        var client = new BenchSocket();
        client.socket.Options.SetRequestHeader("X-Api-Key", apiKey);
        client.socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await client.socket.ConnectAsync(uri, Invoker, CancellationToken.None);
        client.reader = client.ReadAsync();
        return client;
    }

    /// <summary>Connects in waves of 50, so the server's accept queue never overflows.</summary>
    public static async Task<List<BenchSocket>> ConnectManyAsync(int count, Func<int, Uri> uri, string apiKey)
    {
        var sockets = new List<BenchSocket>(count);
        for (var start = 0; start < count; start += 50)
        {
            sockets.AddRange(await Task.WhenAll(Enumerable.Range(start, Math.Min(50, count - start)).Select(i => ConnectAsync(uri(i), apiKey))));
        }

        return sockets;
    }

    public Task SendAsync(string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private async Task ReadAsync()
    {
        var buffer = new byte[1024];
        var length = 0;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                length += result.Count;
                if (result.EndOfMessage)
                {
                    OnMessage?.Invoke(Stopwatch.GetTimestamp(), buffer.AsMemory(0, length));
                    length = 0;
                }
                else if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }
        }
        catch (WebSocketException)
        {
            // The app is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bench done", timeout.Token);
            if (reader is not null)
            {
                await reader.WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException)
        {
            socket.Abort();
        }

        socket.Dispose();
    }
}
