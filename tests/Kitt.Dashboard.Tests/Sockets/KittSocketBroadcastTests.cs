using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Sockets;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.RouteNews;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Sockets;

/// <summary>Broadcasts reach every client of an endpoint, and a client that cannot keep up is dropped without holding up the rest.</summary>
public sealed class KittSocketBroadcastTests(SocketAppFactory app) : IClassFixture<SocketAppFactory>
{
    [Fact]
    public async Task A_route_update_from_freight_reaches_every_notifications_client_and_not_freight_clients()
    {
        await using var a = await KittClient.ConnectListedAsync(app, "/ws/notifications", "listener-a");
        await using var b = await KittClient.ConnectListedAsync(app, "/ws/notifications", "listener-b");
        await using var freight = await KittClient.ConnectListedAsync(app, "/ws/freight", "truck-7");
        await freight.SendAsync(KittClient.Envelope("route_update", new JsonObject
        {
            ["route_id"] = "R-42",
            ["status"] = "delayed",
            ["delay_minutes"] = 25,
        }, "route-1"));

        foreach (var listener in new[] { a, b })
        {
            var update = await listener.ReceiveAsync("route_update");
            Assert.Equal("route-1", update.GetProperty("correlation_id").GetString());
            Assert.Equal("R-42", update.GetProperty("payload").GetProperty("route_id").GetString());
            Assert.Equal(25, update.GetProperty("payload").GetProperty("delay_minutes").GetDouble());
        }

        // The platform's route conditions know of it, once it is in the outbox and announced on `routes`.
        var news = app.Services.GetRequiredService<RouteConditionBoard>();
        await Eventually.TrueAsync(() => news.Get("R-42") is not null);
        var condition = news.Get("R-42")!;

        // Heard once: that copy on `routes` is not sent to the sockets again. The relay keeps the topic's order, so a
        // marker published after it is the next road message (the route's alert may come as a notification between).
        app.Services.GetRequiredService<ITopicHub>().Publish(RouteEvent.Topic,
            new RouteEvent("marker", RouteEventKind.TrafficUpdate, "A1", "info", "marker", DateTimeOffset.UtcNow));
        JsonElement road;
        do
        {
            road = await a.ReceiveAsync();
        }
        while (road.GetProperty("type").GetString() == "notification");
        Assert.Equal("marker", road.GetProperty("correlation_id").GetString());
        Assert.Equal("warning", condition.Severity);
        Assert.Equal(25, condition.DelayMinutes);

        // The freight socket's next message is the answer to its heartbeat, not the broadcast.
        await freight.SendAsync(KittClient.Envelope("heartbeat", null, "after-route"));
        var next = await freight.ReceiveAsync();
        Assert.Equal("heartbeat", next.GetProperty("type").GetString());
        Assert.Equal("after-route", next.GetProperty("correlation_id").GetString());
    }

    [Fact]
    public async Task A_packing_result_from_an_outside_planner_reaches_every_packing_client_once_validated()
    {
        await using var planner = await KittClient.ConnectListedAsync(app, "/ws/packing", "outside-planner");
        await using var listener = await KittClient.ConnectListedAsync(app, "/ws/packing", "packing-listener");
        await planner.SendAsync(KittClient.Envelope("packing_result", new JsonObject
        {
            ["shipment_id"] = "EXT-1", ["status"] = "packed", ["utilization"] = 1.4, ["placed"] = 3, ["unplaced"] = 0, ["containers_used"] = 1,
        }, "ext-bad"));
        var error = await planner.ReceiveAsync();
        KittSocketErrorTests.AssertError(error, "invalid_payload", "payload.utilization");

        await planner.SendAsync(KittClient.Envelope("packing_result", new JsonObject
        {
            ["shipment_id"] = "EXT-1", ["status"] = "packed", ["utilization"] = 0.74, ["placed"] = 3, ["unplaced"] = 0, ["containers_used"] = 1,
        }, "ext-good"));
        var relayed = await listener.ReceiveAsync();
        Assert.Equal("packing_result", relayed.GetProperty("type").GetString());
        Assert.Equal("ext-good", relayed.GetProperty("correlation_id").GetString());
        Assert.Equal(0.74, relayed.GetProperty("payload").GetProperty("utilization").GetDouble());
    }

    [Fact]
    public async Task Weather_and_traffic_from_one_notifications_client_reach_all_of_them()
    {
        await using var sender = await KittClient.ConnectListedAsync(app, "/ws/notifications", "weather-service");
        await using var listener = await KittClient.ConnectListedAsync(app, "/ws/notifications", "ops-screen");
        await sender.SendAsync(KittClient.Envelope("weather_alert", new JsonObject { ["region"] = "Alps", ["condition"] = "snow", ["severity"] = "warning" }, "w-1"));
        await sender.SendAsync(KittClient.Envelope("traffic_update", new JsonObject { ["road"] = "A2", ["congestion"] = "heavy", ["delay_minutes"] = 40 }, "t-1"));

        foreach (var client in new[] { listener, sender })
        {
            Assert.Equal("Alps", (await client.ReceiveAsync("weather_alert")).GetProperty("payload").GetProperty("region").GetString());
            Assert.Equal("heavy", (await client.ReceiveAsync("traffic_update")).GetProperty("payload").GetProperty("congestion").GetString());
        }
    }

    [Fact]
    public async Task Route_news_from_elsewhere_on_the_platform_reaches_notifications_clients()
    {
        await using var listener = await KittClient.ConnectListedAsync(app, "/ws/notifications", "route-listener");
        app.Services.GetRequiredService<ITopicHub>().Publish(RouteEvent.Topic,
            new RouteEvent("kafka-77", RouteEventKind.TrafficUpdate, "A7 Hamburg-Hannover", "warning", "accident near Soltau", DateTimeOffset.UtcNow, 35));

        var traffic = await listener.ReceiveAsync("traffic_update");
        Assert.Equal("kafka-77", traffic.GetProperty("correlation_id").GetString());
        Assert.Equal("A7 Hamburg-Hannover", traffic.GetProperty("payload").GetProperty("road").GetString());
        Assert.Equal(35, traffic.GetProperty("payload").GetProperty("delay_minutes").GetDouble());
        Assert.Equal("accident near Soltau", traffic.GetProperty("payload").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_firing_dashboard_alert_is_sent_as_a_notification()
    {
        await using var listener = await KittClient.ConnectListedAsync(app, "/ws/notifications", "alert-listener");
        var hub = app.Services.GetRequiredService<ITopicHub>();
        hub.Publish(AlertEvent.Topic, new AlertEvent(901, "cpu:host", "cpu", "host", AlertSeverity.Critical, AlertState.Resolved,
            "CPU back to normal", "resolved", 10, DateTimeOffset.UtcNow));
        hub.Publish(AlertEvent.Topic, new AlertEvent(902, "cpu:host", "cpu", "host", AlertSeverity.Critical, AlertState.Firing,
            "CPU at 97 %", "host CPU above 80 % for 3 samples", 97, DateTimeOffset.UtcNow));

        var notification = await listener.ReceiveAsync("notification");
        Assert.Equal("alert-902", notification.GetProperty("correlation_id").GetString());
        var payload = notification.GetProperty("payload");
        Assert.Equal("CPU at 97 %", payload.GetProperty("title").GetString());
        Assert.Equal("critical", payload.GetProperty("severity").GetString());
        Assert.Equal("dashboard:cpu:host", payload.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_client_that_never_reads_is_dropped_and_counted_while_a_fast_one_keeps_receiving()
    {
        await using var small = new SocketAppFactory(new Dictionary<string, string> { ["Kitt:SendQueueCapacity"] = "64" });
        await using var fast = await KittClient.ConnectAsync(small, "/ws/notifications", "fast");
        await using var slow = await KittClient.ConnectAsync(small, "/ws/notifications", "slow");
        var connections = small.Services.GetRequiredService<KittConnections>();
        var filler = new string('x', 16 * 1024);
        var received = 0;
        var sent = 0;
        for (var batch = 0; batch < 100 && connections.Statistics().DroppedSlowClients == 0; batch++)
        {
            for (var i = 0; i < 50; i++, sent++)
            {
                connections.Broadcast(KittEndpoint.Notifications, KittJson.Encode(KittTypes.Notification,
                    new NotificationPayload { Title = "n" + sent, Message = filler, Severity = "info" }, null, DateTimeOffset.UtcNow));
            }

            // The fast client reads every message in order while the slow one reads nothing.
            for (; received < sent; received++)
            {
                var message = await fast.ReceiveAsync();
                Assert.Equal("n" + received, message.GetProperty("payload").GetProperty("title").GetString());
            }
        }

        Assert.Equal(1, connections.Statistics().DroppedSlowClients);

        // The fast client is still served after the drop.
        connections.Broadcast(KittEndpoint.Notifications, KittJson.Encode(KittTypes.Notification,
            new NotificationPayload { Title = "after", Message = "still here", Severity = "info" }, null, DateTimeOffset.UtcNow));
        Assert.Equal("after", (await fast.ReceiveAsync()).GetProperty("payload").GetProperty("title").GetString());

        // The slow client, reading at last, hears why before the close.
        var codes = new List<string>();
        var close = "";
        while (close.Length == 0)
        {
            var (message, closed) = await slow.ReceiveOrCloseAsync();
            close = closed ?? "";
            if (message is { } m && m.GetProperty("type").GetString() == "error")
            {
                codes.Add(m.GetProperty("payload").GetProperty("code").GetString()!);
            }
        }

        Assert.Equal(["send_queue_full"], codes);
        Assert.Equal("1008 send queue full, disconnecting", close);
        await slow.DisposeAsync();
        await Eventually.TrueAsync(() => connections.Statistics().ConnectionDetails.Select(d => d.ClientId).SequenceEqual(["fast"]));

        using var http = small.KeyClient();
        using var body = JsonDocument.Parse(await http.GetStringAsync("/stats"));
        Assert.Equal(1, body.RootElement.GetProperty("kitt").GetProperty("dropped_slow_clients").GetInt64());
    }

    [Fact]
    public async Task Heartbeats_are_echoed_with_their_sequence_on_every_endpoint()
    {
        foreach (var path in new[] { "/ws/freight", "/ws/packing", "/ws/notifications" })
        {
            await using var client = await KittClient.ConnectAsync(app, path, "beat" + path.Replace('/', '-'));
            await client.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"heartbeat\",\"timestamp\":\"2026-11-25T10:00:00Z\",\"correlation_id\":\"hb\"}"));
            var reply = await client.ReceiveAsync();
            Assert.Equal("heartbeat", reply.GetProperty("type").GetString());
            Assert.Equal("alive", reply.GetProperty("payload").GetProperty("status").GetString());
            Assert.EndsWith("Z", reply.GetProperty("timestamp").GetString());
        }
    }
}
