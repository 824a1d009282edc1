using Kitt.Dashboard.Events;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.RouteNews;
using Kitt.Dashboard.Shipments;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Dashboard.Tests.Data;
using Kitt.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Events;

/// <summary>
/// The dashboard on librdkafka's mock cluster: what it stores reaches each topic in the KITT envelope, keyed by
/// its id, and what freight systems produce reaches the dashboard (a shipment request is queued, weather news
/// becomes a route condition and an alert).
/// </summary>
public sealed class KafkaRoundTripTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_topic_carries_the_dashboards_events_and_freight_systems_events_reach_the_dashboard()
    {
        using var cluster = new KafkaMockCluster();
        using var file = new DatabaseFile();
        var settings = cluster.AppSettings("dash-a");
        settings["Alerts:Thresholds:MemoryPercent"] = "1"; // the host surely breaches it: an ops alert
        await using var app = new ConfiguredAppFactory(settings, file.Path);
        _ = app.Server;
        var store = app.Services.GetRequiredService<ShipmentStore>();

        var created = await store.CreateAsync(KafkaRequests.Request("KAFKA-RT-1"), "test");
        var id = created.Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var request = Single(cluster, EventTopics.ShipmentRequests, id);
        Assert.Equal("shipment_request", request.Type);
        Assert.Equal("KAFKA-RT-1", request.Payload.GetProperty("reference").GetString());
        Assert.Equal(40, request.Payload.GetProperty("items")[0].GetProperty("depth").GetDouble()); // the protocol's names
        var packed = Single(cluster, EventTopics.PackingResults, id);
        Assert.Equal("packing_result", packed.Type);
        Assert.Equal("packed", packed.Payload.GetProperty("status").GetString());
        Assert.True(packed.Payload.GetProperty("utilization").GetDouble() > 0);
        var risk = Single(cluster, EventTopics.DamagePredictions, id);
        Assert.Equal("damage_prediction", risk.Type);
        Assert.InRange(risk.Payload.GetProperty("score").GetDouble(), 0, 100);
        Assert.Equal(4, packed.Payload.GetProperty("placed").GetInt32()); // the socket API's packing_result, field for field
        var alerts = cluster.ReadUntil(EventTopics.OpsAlerts, r => r.Any(m => m.Message.Value.Contains("memory:host", StringComparison.Ordinal)), Patience);
        var alert = EventEnvelope.TryParse(alerts.Single(m => m.Message.Value.Contains("memory:host", StringComparison.Ordinal)).Message.Value)!;
        Assert.Equal("notification", alert.Type);
        Assert.Equal("firing", alert.Payload.GetProperty("state").GetString());
        Assert.Equal("dash-a", KafkaMockCluster.Header(alerts[0], EventTopics.OriginHeader));

        using var producer = cluster.Producer();
        var now = DateTimeOffset.UtcNow;
        // A request with a negative size is refused and skipped: it must not hold up the one behind it.
        await cluster.ProduceAsync(producer, EventTopics.ShipmentRequests, "ext-0",
            KafkaRequests.Envelope("KAFKA-EXT-BAD").Replace("\"width\":30", "\"width\":-30", StringComparison.Ordinal), "evt-ext-0");
        await cluster.ProduceAsync(producer, EventTopics.ShipmentRequests, "ext-1",
            KafkaRequests.Envelope("KAFKA-EXT-1"), "evt-ext-1");
        await cluster.ProduceAsync(producer, EventTopics.ShipmentRequests, "ext-2",
            KafkaRequests.Envelope(KafkaRequests.TwoKinds("KAFKA-EXT-2")), "evt-ext-2");
        await cluster.ProduceAsync(producer, EventTopics.WeatherAlerts, "A7",
            EventEnvelope.Serialize("weather_alert", now, new { Route = "A7 Hamburg-Kassel", Severity = "critical", Message = "Black ice", DelayMinutes = 45 }), "evt-weather-1");
        await cluster.ProduceAsync(producer, EventTopics.RouteUpdates, "A1",
            EventEnvelope.Serialize("traffic_update", now, new { Route = "A1 Bremen", Severity = "info", Message = "Flowing" }), "evt-traffic-1");

        await Until(async () => (await store.ListAsync()).Any(s => s.Reference == "KAFKA-EXT-1"));
        Assert.DoesNotContain(await store.ListAsync(), s => s.Reference == "KAFKA-EXT-BAD");
        // Several container kinds arrive as they were sent, and the result lists each container used: 6 boxes, then 4.
        await Until(async () => (await store.ListAsync()).Any(s => s.Reference == "KAFKA-EXT-2"));
        var twoKinds = (await store.ListAsync()).Single(s => s.Reference == "KAFKA-EXT-2").Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([(80.0, 1), (160.0, (int?)null)], (await store.GetAsync(long.Parse(twoKinds, System.Globalization.CultureInfo.InvariantCulture)))!
            .Containers.Select(c => (c.Length, c.Count)));
        var result = Single(cluster, EventTopics.PackingResults, twoKinds).Payload;
        Assert.Equal([6, 4], result.GetProperty("containers").EnumerateArray().Select(c => c.GetProperty("boxes").GetInt32()));
        var news = app.Services.GetRequiredService<RouteConditionBoard>();
        await Until(() => Task.FromResult(news.Get("A7 Hamburg-Kassel") is { Severity: "critical", DelayMinutes: 45 } && news.Get("A1 Bremen") is not null));
        Assert.Equal(RouteEventKind.TrafficUpdate, news.Get("A1 Bremen")!.Latest.Single().Kind);
        var weatherAlert = cluster.ReadUntil(EventTopics.OpsAlerts, r => r.Any(m => m.Message.Value.Contains("weather:A7 Hamburg-Kassel", StringComparison.Ordinal)), Patience);
        Assert.Contains(weatherAlert, m => m.Message.Value.Contains("Black ice (delay 45 min)", StringComparison.Ordinal));
    }

    private static EventEnvelope Single(KafkaMockCluster cluster, string topic, string key)
    {
        var read = cluster.ReadUntil(topic, r => r.Any(m => m.Message.Key == key), Patience);
        var message = Assert.Single(read, m => m.Message.Key == key);
        Assert.NotNull(KafkaMockCluster.Header(message, EventTopics.EventIdHeader));
        return EventEnvelope.TryParse(message.Message.Value) ?? throw new Xunit.Sdk.XunitException($"not an envelope: {message.Message.Value}");
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(100);
        }
    }
}
