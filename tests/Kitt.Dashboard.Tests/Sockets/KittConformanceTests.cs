using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kitt.Dashboard.Tests.Sockets;

/// <summary>
/// The original KITT WebSocket documentation's own examples, sent byte for byte on a real socket, and the replies read
/// field by field: freight systems were written against exactly these messages.
/// </summary>
public sealed class KittConformanceTests(SocketAppFactory app) : IClassFixture<SocketAppFactory>
{
    private const string Heartbeat =
        """{"type":"heartbeat","timestamp":"2025-01-19T10:00:00Z","payload":{},"correlation_id":"test-123"}""";

    private const string ShipmentRequest =
        """{"type":"shipment_request","timestamp":"2025-01-19T10:00:00Z","payload":{"shipment_id":"SH-001","origin":"Chicago","destination":"Dallas","items":[{"width":50,"height":40,"depth":30,"weight":25}],"priority":"high"},"correlation_id":"test-456"}""";

    /// <summary>What the documentation's JavaScript client sends when its socket opens: <c>JSON.stringify</c> of a heartbeat.</summary>
    private const string JavaScriptHeartbeat =
        """{"type":"heartbeat","timestamp":"2025-01-19T10:00:00.000Z","payload":{}}""";

    [Fact]
    public async Task The_documented_heartbeat_is_answered_with_its_correlation_id()
    {
        await using var client = await KittClient.ConnectAsync(app, "/ws/freight", "conformance-heartbeat");
        await client.SendAsync(Encoding.UTF8.GetBytes(Heartbeat));

        var reply = await client.ReceiveAsync();
        Assert.Equal("heartbeat", reply.GetProperty("type").GetString());
        Assert.Equal("test-123", reply.GetProperty("correlation_id").GetString());
        Assert.Equal("alive", reply.GetProperty("payload").GetProperty("status").GetString());
        Assert.True(DateTimeOffset.TryParse(reply.GetProperty("timestamp").GetString(), CultureInfo.InvariantCulture, out _));
    }

    [Theory]
    [InlineData("/ws/freight")]
    [InlineData("/ws/packing")]
    [InlineData("/ws/notifications")]
    public async Task The_javascript_clients_heartbeat_on_open_is_answered_on_every_endpoint(string path)
    {
        await using var client = await KittClient.ConnectAsync(app, path, "conformance-js" + path.Replace('/', '-'));
        await client.SendAsync(Encoding.UTF8.GetBytes(JavaScriptHeartbeat));

        var reply = await client.ReceiveAsync();
        Assert.Equal("heartbeat", reply.GetProperty("type").GetString());
        Assert.Equal("alive", reply.GetProperty("payload").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_documented_shipment_request_is_packed_and_every_reply_carries_the_clients_shipment_id()
    {
        await using var packing = await KittClient.ConnectListedAsync(app, "/ws/packing", "conformance-packer");
        await using var freight = await KittClient.ConnectAsync(app, "/ws/freight", "conformance-shipper");
        await freight.SendAsync(Encoding.UTF8.GetBytes(ShipmentRequest));

        var ack = await freight.ReceiveAsync("packing_result");
        Assert.Equal("test-456", ack.GetProperty("correlation_id").GetString());
        var queued = ack.GetProperty("payload");
        Assert.Equal("SH-001", queued.GetProperty("shipment_id").GetString());
        Assert.Equal("queued", queued.GetProperty("status").GetString());
        var dashboardId = queued.GetProperty("dashboard_shipment_id").GetString()!;
        Assert.True(long.TryParse(dashboardId, CultureInfo.InvariantCulture, out _), dashboardId);

        // Packing clients hear every shipment's results: this test's are the ones about its shipment.
        var result = await ReceiveAboutAsync(packing, "packing_result", dashboardId, TimeSpan.FromSeconds(30));
        Assert.Equal("test-456", result.GetProperty("correlation_id").GetString());
        var packed = result.GetProperty("payload");
        Assert.Equal("SH-001", packed.GetProperty("shipment_id").GetString());
        Assert.Equal(dashboardId, packed.GetProperty("dashboard_shipment_id").GetString());
        Assert.Equal("packed", packed.GetProperty("status").GetString());
        Assert.Equal(1, packed.GetProperty("placed").GetInt32());
        Assert.Equal(0, packed.GetProperty("unplaced").GetInt32());
        Assert.Equal(1, packed.GetProperty("containers_used").GetInt32());
        Assert.InRange(packed.GetProperty("utilization").GetDouble(), 1e-6, 1);

        var risk = await ReceiveAboutAsync(packing, "damage_prediction", dashboardId, TimeSpan.FromSeconds(30));
        Assert.Equal("test-456", risk.GetProperty("correlation_id").GetString());
        Assert.Equal("SH-001", risk.GetProperty("payload").GetProperty("shipment_id").GetString());
        Assert.Equal(dashboardId, risk.GetProperty("payload").GetProperty("dashboard_shipment_id").GetString());

        // The requester hears the outcome under its own id as well.
        var final = await ReceiveAboutAsync(freight, "packing_result", dashboardId, TimeSpan.FromSeconds(30));
        Assert.Equal("SH-001", final.GetProperty("payload").GetProperty("shipment_id").GetString());
        Assert.Equal("packed", final.GetProperty("payload").GetProperty("status").GetString());

        // Stored as an ordinary shipment: the box without a sku is named after its line, the client's id is kept.
        using var http = app.KeyClient();
        var stored = JsonNode.Parse(await http.GetStringAsync($"/api/shipments/{dashboardId}"))!;
        Assert.Equal("SH-001", stored["externalId"]!.GetValue<string>());
        Assert.Equal("item-1", stored["items"]![0]!["sku"]!.GetValue<string>());
        Assert.Equal(30, stored["items"]![0]!["length"]!.GetValue<double>());
        Assert.Equal(25, stored["items"]![0]!["weightKg"]!.GetValue<double>());
        Assert.Equal("high", stored["priority"]!.GetValue<string>());

        // The same message again is a repeat of the client's shipment, refused as a conflict naming the field.
        await freight.SendAsync(Encoding.UTF8.GetBytes(ShipmentRequest));
        var repeat = await freight.ReceiveAsync("error");
        Assert.Equal("test-456", repeat.GetProperty("correlation_id").GetString());
        Assert.Equal("conflict", repeat.GetProperty("payload").GetProperty("code").GetString());
        Assert.Equal("payload.shipment_id", repeat.GetProperty("payload").GetProperty("field").GetString());
    }

    [Fact]
    public async Task With_a_sku_added_the_sku_and_the_clients_shipment_id_are_both_kept()
    {
        var message = JsonNode.Parse(ShipmentRequest)!;
        message["payload"]!["shipment_id"] = "SH-SKU-1";
        message["payload"]!["items"]![0]!["sku"] = "PALLET-EU";
        message["correlation_id"] = "conformance-sku";
        await using var freight = await KittClient.ConnectAsync(app, "/ws/freight", "conformance-sku");
        await freight.SendAsync(message);

        var ack = (await freight.ReceiveAsync("packing_result")).GetProperty("payload");
        Assert.Equal("SH-SKU-1", ack.GetProperty("shipment_id").GetString());
        using var http = app.KeyClient();
        var stored = JsonNode.Parse(await http.GetStringAsync($"/api/shipments/{ack.GetProperty("dashboard_shipment_id").GetString()}"))!;
        Assert.Equal("PALLET-EU", stored["items"]![0]!["sku"]!.GetValue<string>());
        Assert.Equal("SH-SKU-1", stored["externalId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_without_a_shipment_id_keeps_todays_reply_with_the_dashboards_id()
    {
        var message = JsonNode.Parse(ShipmentRequest)!;
        message["payload"]!.AsObject().Remove("shipment_id");
        message["correlation_id"] = "conformance-no-id";
        await using var freight = await KittClient.ConnectAsync(app, "/ws/freight", "conformance-no-id");
        await freight.SendAsync(message);

        var ack = (await freight.ReceiveAsync("packing_result")).GetProperty("payload");
        Assert.Equal(ack.GetProperty("dashboard_shipment_id").GetString(), ack.GetProperty("shipment_id").GetString());
        Assert.StartsWith("KITT-", ack.GetProperty("reference").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_and_health_answer_with_the_documented_fields()
    {
        await using var freight = await KittClient.ConnectListedAsync(app, "/ws/freight", "conformance-stats");
        using var http = app.KeyClient();

        using var stats = JsonDocument.Parse(await http.GetStringAsync("/stats"));
        var root = stats.RootElement;
        Assert.True(root.GetProperty("total_connections").GetInt32() >= 1);
        var byEndpoint = root.GetProperty("connections_by_endpoint");
        foreach (var endpoint in new[] { "freight", "packing", "notifications" })
        {
            Assert.True(byEndpoint.GetProperty(endpoint).GetInt32() >= 0, endpoint);
        }

        Assert.True(byEndpoint.GetProperty("freight").GetInt32() >= 1);
        var detail = root.GetProperty("connection_details").EnumerateArray()
            .Single(d => d.GetProperty("client_id").GetString() == "conformance-stats");
        Assert.Equal("freight", detail.GetProperty("endpoint").GetString());
        Assert.True(DateTimeOffset.TryParse(detail.GetProperty("connected_at").GetString(), CultureInfo.InvariantCulture, out _));
        Assert.True(DateTimeOffset.TryParse(detail.GetProperty("last_heartbeat").GetString(), CultureInfo.InvariantCulture, out _));

        using var health = JsonDocument.Parse(await http.GetStringAsync("/health"));
        Assert.Contains(health.RootElement.GetProperty("status").GetString(), new[] { "healthy", "degraded" });
    }

    /// <summary>The next message of <paramref name="type"/> about the dashboard's shipment <paramref name="dashboardId"/>, skipping others.</summary>
    private static async Task<JsonElement> ReceiveAboutAsync(KittClient client, string type, string dashboardId, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var message = await client.ReceiveAsync(type, left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
            if (message.GetProperty("payload").TryGetProperty("dashboard_shipment_id", out var id) && id.GetString() == dashboardId)
            {
                return message;
            }
        }
    }
}
