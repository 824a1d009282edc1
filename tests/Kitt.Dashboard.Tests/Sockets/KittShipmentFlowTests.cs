using System.Text.Json.Nodes;

namespace Kitt.Dashboard.Tests.Sockets;

/// <summary>A shipment requested on the freight socket is packed, and its result reaches packing clients under the request's correlation_id.</summary>
public sealed class KittShipmentFlowTests(SocketAppFactory app) : IClassFixture<SocketAppFactory>
{
    [Fact]
    public async Task A_shipment_request_yields_a_packing_result_and_a_damage_prediction_with_the_same_correlation_id()
    {
        await using var packing = await KittClient.ConnectAsync(app, "/ws/packing", "packer-1");
        await using var otherPacking = await KittClient.ConnectAsync(app, "/ws/packing", "packer-2");
        await using var freight = await KittClient.ConnectAsync(app, "/ws/freight", "shipper-1");
        var reference = "WS-" + Guid.NewGuid().ToString("N")[..10];
        var request = KittSocketErrorTests.ShipmentPayload(4, reference);
        request["container"] = new JsonObject { ["width"] = 100, ["height"] = 100, ["depth"] = 120, ["max_weight"] = 1000 };
        request["items"]![0]!["fragile"] = true;
        request["items"]![0]!["floor_only"] = true;
        await freight.SendAsync(KittClient.Envelope("shipment_request", request, "corr-ship-1"));

        var ack = await freight.ReceiveAsync("packing_result");
        Assert.Equal("corr-ship-1", ack.GetProperty("correlation_id").GetString());
        Assert.Equal("queued", ack.GetProperty("payload").GetProperty("status").GetString());
        var shipmentId = ack.GetProperty("payload").GetProperty("shipment_id").GetString();
        Assert.Equal(reference, ack.GetProperty("payload").GetProperty("reference").GetString());

        foreach (var client in new[] { packing, otherPacking })
        {
            var result = await client.ReceiveAsync("packing_result", TimeSpan.FromSeconds(30));
            Assert.Equal("corr-ship-1", result.GetProperty("correlation_id").GetString());
            var payload = result.GetProperty("payload");
            Assert.Equal(shipmentId, payload.GetProperty("shipment_id").GetString());
            Assert.Equal("packed", payload.GetProperty("status").GetString());
            Assert.Equal(4, payload.GetProperty("placed").GetInt32());
            Assert.Equal(0, payload.GetProperty("unplaced").GetInt32());
            Assert.Equal(1, payload.GetProperty("containers_used").GetInt32());
            Assert.Equal(120, payload.GetProperty("container").GetProperty("depth").GetDouble());
            var utilization = payload.GetProperty("utilization").GetDouble();
            Assert.InRange(utilization, 4 * 40 * 30 * 50 / (100.0 * 100 * 120) - 1e-6, 4 * 40 * 30 * 50 / (100.0 * 100 * 120) + 1e-6);

            var risk = await client.ReceiveAsync("damage_prediction");
            Assert.Equal("corr-ship-1", risk.GetProperty("correlation_id").GetString());
            Assert.Equal(shipmentId, risk.GetProperty("payload").GetProperty("shipment_id").GetString());
            Assert.InRange(risk.GetProperty("payload").GetProperty("score").GetDouble(), 0, 100);
            Assert.Contains(risk.GetProperty("payload").GetProperty("level").GetString(), new[] { "low", "medium", "high" });
        }

        // The requester hears the outcome too.
        var final = await freight.ReceiveAsync("packing_result", TimeSpan.FromSeconds(30));
        Assert.Equal("packed", final.GetProperty("payload").GetProperty("status").GetString());
        Assert.Equal("corr-ship-1", final.GetProperty("correlation_id").GetString());

        // The shipment is an ordinary one: the REST API shows its plan, with the protocol's depth as its length.
        using var http = app.KeyClient();
        var plan = JsonNode.Parse(await http.GetStringAsync($"/api/shipments/{shipmentId}"))!;
        Assert.Equal("packed", plan["status"]!.GetValue<string>());
        Assert.Equal(50, plan["items"]![0]!["length"]!.GetValue<double>());
        Assert.True(plan["items"]![0]!["floorOnly"]!.GetValue<bool>());
        var placed = JsonNode.Parse(await http.GetStringAsync($"/api/shipments/{shipmentId}/plan"))!["placements"]!.AsArray();
        Assert.All(placed.Where(p => p!["line"]!.GetValue<int>() == 0), p => Assert.Equal(0, p!["z"]!.GetValue<double>()));
        Assert.Equal("api-key:bootstrap", plan["createdBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_container_the_default_preset_is_used_and_a_taken_reference_is_a_conflict()
    {
        await using var freight = await KittClient.ConnectAsync(app, "/ws/freight", "shipper-2");
        var reference = "WS-" + Guid.NewGuid().ToString("N")[..10];
        await freight.SendAsync(KittClient.Envelope("shipment_request", KittSocketErrorTests.ShipmentPayload(1, reference), "first"));
        var ack = await freight.ReceiveAsync("packing_result");
        var shipmentId = ack.GetProperty("payload").GetProperty("shipment_id").GetString();

        using var http = app.KeyClient();
        var details = JsonNode.Parse(await http.GetStringAsync($"/api/shipments/{shipmentId}"))!;
        Assert.Equal(1203, details["container"]!["length"]!.GetValue<double>());
        Assert.Equal("40DV", details["container"]!["type"]!.GetValue<string>());

        await freight.ReceiveAsync("packing_result", TimeSpan.FromSeconds(30));
        await freight.SendAsync(KittClient.Envelope("shipment_request", KittSocketErrorTests.ShipmentPayload(1, reference), "again"));
        var error = await freight.ReceiveAsync("error");
        KittSocketErrorTests.AssertError(error, "conflict", "payload.reference");
        Assert.Equal("again", error.GetProperty("correlation_id").GetString());
    }

    [Fact]
    public async Task A_container_named_by_its_equipment_code_is_packed_in_that_equipment_and_an_unknown_code_is_named()
    {
        await using var freight = await KittClient.ConnectAsync(app, "/ws/freight", "shipper-3");
        var request = KittSocketErrorTests.ShipmentPayload(2, "WS-" + Guid.NewGuid().ToString("N")[..10]);
        request["container"] = new JsonObject { ["type"] = "45HC" };
        await freight.SendAsync(KittClient.Envelope("shipment_request", request, "typed"));
        await freight.ReceiveAsync("packing_result");
        var result = await freight.ReceiveAsync("packing_result", TimeSpan.FromSeconds(30));
        var container = result.GetProperty("payload").GetProperty("container");
        Assert.Equal(("45HC", 1355, 269), (container.GetProperty("type").GetString(), container.GetProperty("depth").GetDouble(), container.GetProperty("height").GetDouble()));

        var unknown = KittSocketErrorTests.ShipmentPayload(1, "WS-" + Guid.NewGuid().ToString("N")[..10]);
        unknown["container"] = new JsonObject { ["type"] = "SHOEBOX" };
        await freight.SendAsync(KittClient.Envelope("shipment_request", unknown, "unknown-type"));
        var error = await freight.ReceiveAsync("error");
        KittSocketErrorTests.AssertError(error, "invalid_payload", "payload.container.type");
    }

    [Fact]
    public async Task A_request_with_several_container_kinds_is_packed_into_as_few_as_it_needs_and_each_is_reported()
    {
        await using var freight = await KittClient.ConnectAsync(app, "/ws/freight", "shipper-4");
        var request = KittSocketErrorTests.ShipmentPayload(1, "WS-" + Guid.NewGuid().ToString("N")[..10]);
        // 50 × 40 × 50 cm crates, eight to a 100 × 80 × 100 container: 12 crates need two.
        request["items"] = new JsonArray(new JsonObject { ["sku"] = "CRATE", ["width"] = 40, ["height"] = 50, ["depth"] = 50, ["weight"] = 20, ["quantity"] = 12 });
        request["containers"] = new JsonArray(new JsonObject { ["width"] = 80, ["height"] = 100, ["depth"] = 100, ["max_weight"] = 1000 });
        await freight.SendAsync(KittClient.Envelope("shipment_request", request, "kinds"));
        await freight.ReceiveAsync("packing_result");
        var result = (await freight.ReceiveAsync("packing_result", TimeSpan.FromSeconds(30))).GetProperty("payload");

        Assert.Equal("packed", result.GetProperty("status").GetString());
        Assert.Equal(2, result.GetProperty("containers_used").GetInt32());
        var containers = result.GetProperty("containers").EnumerateArray().ToList();
        Assert.Equal([8, 4], containers.Select(c => c.GetProperty("boxes").GetInt32()));
        Assert.Equal([160.0, 80.0], containers.Select(c => c.GetProperty("weight").GetDouble()));
        Assert.All(containers, c => Assert.Equal(100, c.GetProperty("depth").GetDouble()));
        Assert.Equal(40, containers[0].GetProperty("center_of_gravity").GetProperty("y").GetDouble(), 1);

        var bad = KittSocketErrorTests.ShipmentPayload(1, "WS-" + Guid.NewGuid().ToString("N")[..10]);
        bad["containers"] = new JsonArray(new JsonObject { ["width"] = 80, ["height"] = 100, ["depth"] = 100, ["count"] = 0 });
        await freight.SendAsync(KittClient.Envelope("shipment_request", bad, "bad-kinds"));
        KittSocketErrorTests.AssertError(await freight.ReceiveAsync("error"), "invalid_payload", "payload.containers[0].count");
    }
}
