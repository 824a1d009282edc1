using System.Diagnostics;
using System.Text.Json;
using Kitt.Dashboard.Api.Sockets;

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
        for (var sent = 0; sent < broadcasts; sent += burst)
        {
            for (var i = 0; i < burst; i++)
            {
                Broadcast(registry, "fan-out", 0);
            }

            var expected = start + (long)(sent + burst) * Count;
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

    private void OnMessage(long at, ReadOnlyMemory<byte> message)
    {
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement;
        if (root.GetProperty("type").GetString() == KittTypes.Heartbeat)
        {
            Interlocked.Increment(ref heartbeats);
            return;
        }

        var payload = root.GetProperty("payload");
        if (payload.GetProperty("title").GetString() == "latency")
        {
            var sent = long.Parse(payload.GetProperty("message").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var ms = Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds;
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
