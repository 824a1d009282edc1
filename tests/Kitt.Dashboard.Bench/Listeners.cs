using System.Diagnostics;
using System.Text.Json;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Sockets;

namespace Kitt.Dashboard.Bench;

/// <summary>Many clients on /ws/notifications, counting and timing what reaches them.</summary>
internal sealed class Listeners : IAsyncDisposable
{
    private readonly List<BenchSocket> sockets = [];
    private readonly object gate = new();
    private List<double> latencies = [];
    private long received;
    private long heartbeats;

    public int Count => sockets.Count;

    public static async Task<Listeners> OpenAsync(InProcessApp app, int count, string prefix)
    {
        var listeners = new Listeners();
        foreach (var socket in await BenchSocket.ConnectManyAsync(count, i => app.Socket("/ws/notifications", $"{prefix}-{i}"), BenchApp.ApiKey))
        {
            socket.OnMessage = listeners.OnMessage;
            listeners.sockets.Add(socket);
        }

        return listeners;
    }

    /// <summary>Broadcasts stamped with the send time, paced; latency is arrival minus stamp at every client.</summary>
    public async Task<(double P50, double P99, double Max)> LatencyAsync(KittConnections registry, int broadcasts, TimeSpan pace)
    {
        lock (gate)
        {
            latencies = new List<double>(broadcasts * Count);
        }

        var start = Interlocked.Read(ref received);
        for (var i = 0; i < broadcasts; i++)
        {
            Broadcast(registry, "latency", Stopwatch.GetTimestamp());
            await Task.Delay(pace);
        }

        await WsBench.WaitAsync(() => Interlocked.Read(ref received) - start >= (long)broadcasts * Count, "latency broadcasts delivered");
        List<double> taken;
        lock (gate)
        {
            taken = latencies;
            latencies = [];
        }

        return (Percentiles.Of(taken, 50), Percentiles.Of(taken, 99), taken.Max());
    }

    /// <summary>Deliveries per second when broadcasting in bursts the queues can hold, as fast as the clients take them.</summary>
    public async Task<double> FanOutAsync(KittConnections registry, int broadcasts, int burst)
    {
        var start = Interlocked.Read(ref received);
        var watch = Stopwatch.StartNew();
        for (var sent = 0; sent < broadcasts;)
        {
            for (var i = Math.Min(burst, broadcasts - sent); i > 0; i--, sent++)
            {
                Broadcast(registry, "fan-out", 0);
            }

            var expected = start + (long)sent * Count;
            await WsBench.WaitAsync(() => Interlocked.Read(ref received) >= expected, "fan-out burst delivered");
        }

        return (double)broadcasts * Count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Every client sends heartbeats (within its rate limit) and waits for all answers: messages in and handled per second.</summary>
    public async Task<double> InboundAsync(int perClient)
    {
        var start = Interlocked.Read(ref heartbeats);
        var heartbeat = WsBench.KittEnvelope(KittTypes.Heartbeat, "{}", "hb");
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(sockets.Select(async s =>
        {
            for (var i = 0; i < perClient; i++)
            {
                await s.SendAsync(heartbeat);
            }
        }));
        await WsBench.WaitAsync(() => Interlocked.Read(ref heartbeats) - start >= (long)perClient * Count, "heartbeats answered");
        return (double)perClient * Count / watch.Elapsed.TotalSeconds;
    }

    private static void Broadcast(KittConnections registry, string title, long stamp) =>
        registry.Broadcast(KittEndpoint.Notifications, KittJson.Encode(KittTypes.Notification, new NotificationPayload
        {
            Title = title,
            Message = stamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Severity = "info",
        }, null, DateTimeOffset.UtcNow));

    /// <summary>
    /// Reads only what the bench needs, without building a document: on two cores the clients share the CPU with the
    /// server, and the less they spend the more the figures are the server's.
    /// </summary>
    private void OnMessage(long at, ReadOnlyMemory<byte> message)
    {
        var reader = new Utf8JsonReader(message.Span);
        var heartbeat = false;
        var latency = false;
        long stamp = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                heartbeat = reader.ValueTextEquals("heartbeat"u8);
            }
            else if (reader.ValueTextEquals("title"u8))
            {
                reader.Read();
                latency = reader.ValueTextEquals("latency"u8);
            }
            else if (reader.ValueTextEquals("message"u8) && latency)
            {
                reader.Read();
                stamp = long.Parse(reader.ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (heartbeat)
        {
            Interlocked.Increment(ref heartbeats);
            return;
        }

        if (latency)
        {
            var ms = Stopwatch.GetElapsedTime(stamp, at).TotalMilliseconds;
            lock (gate)
            {
                latencies.Add(ms);
            }
        }

        Interlocked.Increment(ref received);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in sockets)
        {
            await socket.DisposeAsync();
        }

        sockets.Clear();
    }
}
