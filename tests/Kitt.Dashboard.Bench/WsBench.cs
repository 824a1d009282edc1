using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// The KITT WebSocket API under load, app and clients in one process on loopback: memory per connection, broadcast
/// latency measured at the clients, fan-out and inbound throughput of /ws/notifications, and the shipment_request →
/// packing_result round trip. Every phase is bounded in count and time.
/// </summary>
internal static class WsBench
{
    private static readonly TimeSpan PhaseLimit = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(int connections, int broadcasts, int rounds, int items, int requests)
    {
        await using var app = new InProcessApp(new Dictionary<string, string>());
        var registry = app.Services.GetRequiredService<KittConnections>();
        Console.WriteLine($"ws bench: {connections} connections, {broadcasts} broadcasts x {rounds} rounds, {requests} shipment requests of {items} items; {Environment.ProcessorCount} cores");

        // Baseline: the same measurements with one client.
        await using (var one = await Listeners.OpenAsync(app, 1, "baseline"))
        {
            await one.LatencyAsync(registry, broadcasts, TimeSpan.FromMilliseconds(20)); // warm-up
            var baseline = await one.LatencyAsync(registry, broadcasts, TimeSpan.FromMilliseconds(20));
            Console.WriteLine($"baseline 1 connection: broadcast latency p50 {baseline.P50:0.00} ms, p99 {baseline.P99:0.00} ms");
        }

        var (heapBefore, setBefore) = Memory();
        await using var listeners = await Listeners.OpenAsync(app, connections, "n");
        await WaitAsync(() => registry.Count == connections, "all connections registered");
        var (heapAfter, setAfter) = Memory();
        Console.WriteLine($"memory per connection (client and server halves, both in this process): GC heap {(heapAfter - heapBefore) / 1024.0 / connections:0.0} KB, " +
                          $"working set {(setAfter - setBefore) / 1024.0 / connections:0.0} KB");

        // The first round after the connections opened is consistently slower; it is shown apart, not counted.
        var warmUp = await listeners.LatencyAsync(registry, broadcasts, TimeSpan.FromMilliseconds(20));
        Console.WriteLine($"warm-up round: latency p50 {warmUp.P50:0.00} ms, p99 {warmUp.P99:0.00} ms, max {warmUp.Max:0.00} ms");
        var p50s = new List<double>();
        var p99s = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var latency = await listeners.LatencyAsync(registry, broadcasts, TimeSpan.FromMilliseconds(20));
            p50s.Add(latency.P50);
            p99s.Add(latency.P99);
            Console.WriteLine($"round {round}: {connections} connections, {broadcasts} broadcasts every 20 ms: latency p50 {latency.P50:0.00} ms, p99 {latency.P99:0.00} ms, max {latency.Max:0.00} ms");
        }

        Console.WriteLine($"broadcast latency, median of {rounds} rounds: p50 {Percentiles.Median(p50s):0.00} ms, p99 {Percentiles.Median(p99s):0.00} ms");

        var fanOut = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            fanOut.Add(await listeners.FanOutAsync(registry, broadcasts * 5, burst: 100));
            Console.WriteLine($"round {round}: fan-out {fanOut[^1]:0} deliveries/s ({broadcasts * 5} broadcasts in bursts of 100 to {connections} clients)");
        }

        var inbound = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            inbound.Add(await listeners.InboundAsync(perClient: 20));
            Console.WriteLine($"round {round}: inbound {inbound[^1]:0} heartbeats/s answered ({connections} clients x 20)");
        }

        Console.WriteLine($"/ws/notifications sustains, median of {rounds} rounds: {Percentiles.Median(fanOut):0} deliveries/s out, {Percentiles.Median(inbound):0} messages/s in (each answered)");
        var dropped = registry.Statistics().DroppedSlowClients;
        Console.WriteLine($"slow clients dropped during the run: {dropped}");

        await RoundTripAsync(app, items, requests);
        await listeners.DisposeAsync();
        await ServerProcessMemoryAsync(connections);
        return 0;
    }

    /// <summary>
    /// The server's half alone: the app as its own process, its resident set read from /proc before and after the
    /// clients connect (no forced collection there, so garbage is included).
    /// </summary>
    private static async Task ServerProcessMemoryAsync(int connections)
    {
        await using var server = await BenchApp.StartServerAsync(Path.Combine(AppContext.BaseDirectory, "Kitt.Dashboard.dll"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = ResidentBytes(server.ProcessId);
        var uri = new Uri(server.BaseAddress, "/ws/notifications");
        var clients = await BenchSocket.ConnectManyAsync(
            connections, i => new UriBuilder(uri) { Scheme = "ws", Query = $"client_id=p-{i}" }.Uri, BenchApp.ApiKey);

        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = ResidentBytes(server.ProcessId);
        Console.WriteLine($"server process alone: resident set {before / 1048576.0:0.0} MB idle, {after / 1048576.0:0.0} MB with {connections} connections, " +
                          $"{(after - before) / 1024.0 / connections:0.0} KB per connection");
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    private static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static async Task RoundTripAsync(InProcessApp app, int items, int requests)
    {
        await using var freight = await BenchSocket.ConnectAsync(app.Socket("/ws/freight", "bench-shipper"), BenchApp.ApiKey);
        await using var packing = await BenchSocket.ConnectAsync(app.Socket("/ws/packing", "bench-packer"), BenchApp.ApiKey);
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, (long At, string Status, int Placed)>();
        packing.OnMessage = (at, message) =>
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            if (root.GetProperty("type").GetString() == KittTypes.PackingResult)
            {
                var payload = root.GetProperty("payload");
                results[root.GetProperty("correlation_id").GetString()!] = (at, payload.GetProperty("status").GetString()!, payload.GetProperty("placed").GetInt32());
            }
        };

        var times = new List<double>();
        for (var round = 0; round <= requests; round++)
        {
            var correlation = "rt-" + round;
            var started = Stopwatch.GetTimestamp();
            await freight.SendAsync(KittEnvelope("shipment_request", ShipmentRequest(items, round), correlation));
            await WaitAsync(() => results.ContainsKey(correlation), "packing_result " + correlation);
            var (at, status, placed) = results[correlation];
            var elapsed = Stopwatch.GetElapsedTime(started, at).TotalMilliseconds;
            if (round == 0)
            {
                Console.WriteLine($"round trip warm-up: {elapsed:0} ms ({status}, {placed} placed)");
                continue;
            }

            times.Add(elapsed);
            if (status != "packed")
            {
                Console.WriteLine($"round {round}: {status}");
            }
        }

        Console.WriteLine($"shipment_request -> packing_result, {items} items, {requests} rounds: p50 {Percentiles.Median(times):0} ms, " +
                          $"p90 {Percentiles.Of(times, 90):0} ms, max {times.Max():0} ms");
    }

    private static string ShipmentRequest(int items, int seed)
    {
        var random = new Random(seed);
        var list = new JsonArray();
        for (var i = 0; i < items; i++)
        {
            list.Add(new JsonObject
            {
                ["sku"] = $"SKU-{i:000}",
                ["width"] = random.Next(20, 61),
                ["height"] = random.Next(20, 61),
                ["depth"] = random.Next(20, 61),
                ["weight"] = random.Next(2, 40),
                ["fragile"] = i % 7 == 3,
            });
        }

        return new JsonObject
        {
            ["reference"] = $"BENCH-WS-{seed}-{Guid.NewGuid():N}"[..30],
            ["origin"] = "Rotterdam",
            ["destination"] = "Milan",
            ["items"] = list,
        }.ToJsonString();
    }

    internal static string KittEnvelope(string type, string payloadJson, string? correlationId) =>
        $"{{\"type\":\"{type}\",\"timestamp\":\"{DateTime.UtcNow:O}\",\"payload\":{payloadJson},\"correlation_id\":{(correlationId is null ? "null" : $"\"{correlationId}\"")}}}";

    internal static async Task WaitAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > PhaseLimit)
            {
                throw new TimeoutException($"{what}: not reached within {PhaseLimit.TotalSeconds:0} s");
            }

            await Task.Delay(1);
        }
    }

    private static (long Heap, long WorkingSet) Memory()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    internal static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
