using System.Net.WebSockets;
using System.Threading.Channels;
using Kitt.Dashboard.Protocol;

namespace Kitt.Dashboard.Sockets;

public enum SendOutcome
{
    Queued,
    Closed,
    Dropped,
}

/// <summary>
/// One client's socket. Everything sent to it goes through a bounded queue drained by one writer loop, so a
/// broadcast never waits for a client and a slow client only ever fills its own queue; when that is full the client
/// is dropped. Closing goes through the same loop, so a close never races a send.
/// </summary>
public sealed class KittConnection : IDisposable
{
    private readonly WebSocket socket;
    private readonly Channel<ReadOnlyMemory<byte>> queue;
    private readonly CancellationTokenSource cut;
    private readonly TimeSpan grace;
    private readonly TimeProvider clock;
    private int closing;
    private int dropped;
    private long lastSeen;
    private long lastHeartbeat;

    public KittConnection(
        WebSocket socket, KittEndpoint endpoint, string clientId, SocketCaller caller, KittOptions options, TimeProvider clock, CancellationToken requestAborted)
    {
        this.socket = socket;
        this.clock = clock;
        Endpoint = endpoint;
        ClientId = clientId;
        User = caller.Name;
        KeyId = caller.KeyId;
        MayPublish = caller.MayPublish;
        ConnectedAt = clock.GetUtcNow();
        lastSeen = lastHeartbeat = ConnectedAt.UtcTicks;
        grace = TimeSpan.FromSeconds(options.CloseGraceSeconds);
        queue = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(options.SendQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        cut = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public KittEndpoint Endpoint { get; }

    public string ClientId { get; }

    public string User { get; }

    /// <summary>The API key the client connected with: only the same key may take over its <see cref="ClientId"/>.</summary>
    public string KeyId { get; }

    /// <summary>Whether the key's role may publish news and notifications to other clients (Dispatcher, Admin).</summary>
    public bool MayPublish { get; }

    public DateTimeOffset ConnectedAt { get; }

    public DateTimeOffset LastSeen => new(Interlocked.Read(ref lastSeen), TimeSpan.Zero);

    public DateTimeOffset LastHeartbeat => new(Interlocked.Read(ref lastHeartbeat), TimeSpan.Zero);

    public int QueueDepth => queue.Reader.Count;

    public bool IsClosing => Volatile.Read(ref closing) != 0;

    /// <summary>Cancelled when the link is cut: by the client going away, or when a close takes longer than the grace.</summary>
    public CancellationToken Aborted => cut.Token;

    public WebSocket Socket => socket;

    public void Seen(bool heartbeat)
    {
        var now = clock.GetUtcNow().UtcTicks;
        Interlocked.Exchange(ref lastSeen, now);
        if (heartbeat)
        {
            Interlocked.Exchange(ref lastHeartbeat, now);
        }
    }

    public SendOutcome Send(ReadOnlyMemory<byte> message)
    {
        if (IsClosing)
        {
            return SendOutcome.Closed;
        }

        if (queue.Writer.TryWrite(message))
        {
            return SendOutcome.Queued;
        }

        // A close that completed the queue between the check above and the write is not a slow client.
        if (IsClosing || Interlocked.Exchange(ref dropped, 1) != 0)
        {
            return SendOutcome.Closed;
        }

        Close(WebSocketCloseStatus.PolicyViolation, "send queue full, disconnecting");
        return SendOutcome.Dropped;
    }

    /// <summary>
    /// Sends what is queued (unless the client is being dropped), then the close frame. A client that takes longer
    /// than the grace to read its last messages or to answer the close is cut off.
    /// </summary>
    public void Close(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref closing, 1) != 0)
        {
            return;
        }

        CloseStatus = status;
        CloseReason = reason;
        queue.Writer.TryComplete();
        try
        {
            cut.CancelAfter(grace);
        }
        catch (ObjectDisposedException)
        {
            // Already finished: nothing left to cut.
        }
    }

    public WebSocketCloseStatus? CloseStatus { get; private set; }

    public string? CloseReason { get; private set; }

    public async Task RunWriterAsync()
    {
        var token = cut.Token;
        try
        {
            var reader = queue.Reader;
            while (await reader.WaitToReadAsync(token))
            {
                while (Volatile.Read(ref dropped) == 0 && reader.TryRead(out var message))
                {
                    await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, token);
                }

                if (Volatile.Read(ref dropped) != 0)
                {
                    break;
                }
            }

            if (Volatile.Read(ref dropped) != 0)
            {
                // The queue is skipped: the client is already too far behind for it to matter, but it hears why.
                var farewell = KittJson.Error(KittErrors.SendQueueFull, "send queue full, disconnecting", null, null, clock.GetUtcNow());
                await socket.SendAsync(farewell, WebSocketMessageType.Text, endOfMessage: true, token);
            }

            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(CloseStatus ?? WebSocketCloseStatus.NormalClosure, CloseReason ?? "", token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    public void Dispose() => cut.Dispose();
}
