using Kitt.Dashboard.Alerts.Silencing;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Alerts.Notifications;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Realtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// What notifications cost: matching an alert against many silences (the index against testing every silence, in the
/// same run), and the time from an alert firing to its notification arriving at a webhook in the same process.
/// </summary>
internal static class NotifyBench
{
    private static readonly string[] Types = ["cpu", "memory", "container_exit", "restart_loop"];

    /// <summary>
    /// <paramref name="count"/> silences as teams write them: most on one source and rule, some on a rule and a
    /// source pattern, a few on a pattern alone; alerts drawn over the same sources and others that no silence names.
    /// </summary>
    public static int Silences(int count, int lookups, int rounds)
    {
        var random = new Random(17);
        var now = DateTimeOffset.UtcNow;
        var silences = Enumerable.Range(0, count).Select(i => (
            Id: (long)i,
            StartsAt: now.AddHours(-1),
            EndsAt: now.AddHours(1),
            Matchers: (IReadOnlyList<Matcher>)(i % 20 < 16
                ? [Matcher.Parse($"source=web-{i}"), Matcher.Parse($"alertname={Types[i % Types.Length]}")]
                : i % 20 < 19
                    ? [Matcher.Parse($"alertname={Types[i % Types.Length]}"), Matcher.Parse($"source=~db-{i}-.*")]
                    : [Matcher.Parse($"source=~batch-{i}-.*"), Matcher.Parse("severity!=critical")]))).ToList();
        var index = new SilenceIndex(silences);
        var alerts = Enumerable.Range(0, 4096).Select(i =>
        {
            var n = random.Next(count * 2); // half the sources have no silence
            var source = (n % 3) switch { 0 => $"web-{n}", 1 => $"db-{n}-0", _ => $"batch-{n}-0" };
            var type = Types[random.Next(Types.Length)];
            return AlertLabels.Of(type, source, (AlertSeverity)random.Next(4), $"{type}:{source}");
        }).ToArray();

        var indexed = new List<double>();
        var scanned = new List<double>();
        var hits = 0;
        for (var round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < lookups; i++)
            {
                hits += index.Match(alerts[i & 4095], now) is null ? 0 : 1;
            }

            indexed.Add(watch.Elapsed.TotalNanoseconds / lookups);
            watch.Restart();
            for (var i = 0; i < lookups; i++)
            {
                hits += Scan(silences, alerts[i & 4095], now) is null ? 0 : 1;
            }

            scanned.Add(watch.Elapsed.TotalNanoseconds / lookups);
        }

        var (a, b) = (Percentiles.Median(indexed), Percentiles.Median(scanned));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"silences {count}, {lookups:N0} lookups x {rounds} rounds ({hits / (2 * rounds):N0} silenced a round): index {a:0} ns per alert, testing every silence {b:0} ns ({b / a:0.0}x)"));
        return 0;
    }

    /// <summary>Alerts fired one at a time (each its own group, no group wait) to a webhook on Kestrel: fired to received, p50 and p99.</summary>
    public static async Task<int> LatencyAsync(int alerts)
    {
        var received = new ConcurrentDictionary<string, long>();
        var port = Kitt.Testing.FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        await using var hook = builder.Build();
        hook.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var at = Stopwatch.GetTimestamp();
            foreach (var source in System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("alerts").EnumerateArray()
                .Select(a => a.GetProperty("labels").GetProperty("source").GetString()!))
            {
                received.TryAdd(source, at);
            }

            return Results.Ok();
        });
        await hook.StartAsync();

        await using var app = new InProcessApp(new Dictionary<string, string>
        {
            ["Features:ContainerStats"] = "false",
            ["Alerts:Receivers:bench:Kind"] = "webhook",
            ["Alerts:Receivers:bench:Url"] = $"http://127.0.0.1:{port}/hook",
            ["Alerts:Routes:0:Receiver"] = "bench",
            ["Alerts:Routes:0:Match:0"] = "type=container_exit",
            ["Alerts:Routes:0:GroupBy:0"] = "source",
            ["Alerts:Routes:0:GroupWait"] = "0s",
        });
        var hub = app.Services.GetRequiredService<ITopicHub>();
        var exited = new List<ContainerRow>();
        var latencies = new List<double>();
        for (var i = 0; i < alerts; i++)
        {
            var name = $"bench-{i}";
            exited.Add(new ContainerRow(name, name, "busybox", "exited", "Exited (1)", DateTimeOffset.UtcNow, ExitCode: 1));
            var fired = Stopwatch.GetTimestamp();
            hub.Publish(ContainersSnapshot.Topic, new ContainersSnapshot(DateTimeOffset.UtcNow, "bench", ComponentStatus.Running, null, [.. exited]));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!received.ContainsKey(name) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(1);
            }

            if (received.TryGetValue(name, out var at))
            {
                latencies.Add(Stopwatch.GetElapsedTime(fired, at).TotalMilliseconds);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fired -> webhook received, {latencies.Count} of {alerts} alerts, group_wait 0s: p50 {Percentiles.Median(latencies):0} ms, p99 {Percentiles.Of(latencies, 99):0} ms, max {latencies.DefaultIfEmpty().Max():0} ms"));
        return latencies.Count == alerts ? 0 : 1;
    }

    private static long? Scan(List<(long Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<Matcher> Matchers)> silences, IReadOnlyDictionary<string, string> labels, DateTimeOffset at)
    {
        foreach (var s in silences)
        {
            if (s.StartsAt <= at && at < s.EndsAt && s.Matchers.All(m => m.Matches(labels)))
            {
                return s.Id;
            }
        }

        return null;
    }
}
