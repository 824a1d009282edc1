using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kitt.Dashboard.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Sockets;

/// <summary>Every kind of bad message is answered with an error naming what was wrong, and the connection stays usable.</summary>
public sealed class KittSocketErrorTests(SocketAppFactory app) : IClassFixture<SocketAppFactory>
{
    [Fact]
    public async Task Invalid_json_is_answered_with_an_error_and_the_connection_stays_open()
    {
        await using var client = await KittClient.ConnectAsync(app, "/ws/freight", "err-json");
        await client.SendAsync(Encoding.UTF8.GetBytes("{\"type\": \"heartbeat\", "));

        var error = await client.ReceiveAsync();
        AssertError(error, "invalid_json", null);
        await AssertStillAnswers(client);
    }

    [Fact]
    public async Task Unknown_type_is_named_in_the_error_with_the_correlation_id()
    {
        await using var client = await KittClient.ConnectAsync(app, "/ws/freight", "err-unknown");
        await client.SendAsync(KittClient.Envelope("teleport_request", new JsonObject(), "corr-unknown"));

        var error = await client.ReceiveAsync();
        AssertError(error, "unknown_type", "type");
        Assert.Equal("corr-unknown", error.GetProperty("correlation_id").GetString());
        Assert.Contains("'teleport_request'", Message(error));
        await AssertStillAnswers(client);
    }

    [Fact]
    public async Task A_type_not_accepted_on_the_endpoint_names_the_type_and_the_endpoint()
    {
        await using var client = await KittClient.ConnectAsync(app, "/ws/freight", "err-wrong-endpoint");
        await client.SendAsync(KittClient.Envelope("packing_result", new JsonObject { ["shipment_id"] = "1", ["status"] = "packed" }, "corr-wrong"));

        var error = await client.ReceiveAsync();
        AssertError(error, "type_not_accepted", "type");
        Assert.Equal("corr-wrong", error.GetProperty("correlation_id").GetString());
        Assert.Contains("'packing_result'", Message(error));
        Assert.Contains("/ws/freight", Message(error));
        await AssertStillAnswers(client);
    }

    [Fact]
    public async Task A_negative_size_names_the_item_and_the_field()
    {
        await using var client = await KittClient.ConnectAsync(app, "/ws/freight", "err-negative");
        var request = ShipmentPayload(3);
        request["items"]![2]!["width"] = -5;
        await client.SendAsync(KittClient.Envelope("shipment_request", request, "corr-negative"));

        var error = await client.ReceiveAsync();
        AssertError(error, "invalid_payload", "payload.items[2].width");
        Assert.Equal("corr-negative", error.GetProperty("correlation_id").GetString());
        Assert.Contains("payload.items[2].width must be > 0", Message(error));
        await AssertStillAnswers(client);
    }

    [Fact]
    public async Task A_missing_field_is_named()
    {
        await using var client = await KittClient.ConnectAsync(app, "/ws/freight", "err-missing");
        var request = ShipmentPayload(1);
        request.Remove("destination");
        await client.SendAsync(KittClient.Envelope("shipment_request", request, "corr-missing"));

        var error = await client.ReceiveAsync();
        AssertError(error, "invalid_payload", "payload.destination");
        Assert.Contains("payload.destination is required", Message(error));
        await AssertStillAnswers(client);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_named()
    {
        await using var client = await KittClient.ConnectAsync(app, "/ws/freight", "err-type");
        var request = ShipmentPayload(2);
        request["items"]![1]!["weight"] = "heavy";
        await client.SendAsync(KittClient.Envelope("shipment_request", request, "corr-type"));

        var error = await client.ReceiveAsync();
        AssertError(error, "invalid_payload", "payload.items[1].weight");
        await AssertStillAnswers(client);
    }

    [Fact]
    public async Task A_message_over_64_KB_is_refused_and_the_next_one_is_read()
    {
        await using var client = await KittClient.ConnectAsync(app, "/ws/notifications", "err-large");
        var huge = KittClient.Envelope("notification", new JsonObject
        {
            ["title"] = "big",
            ["message"] = new string('x', 70 * 1024),
            ["severity"] = "info",
        }, "corr-large");
        await client.SendAsync(huge);

        var error = await client.ReceiveAsync();
        AssertError(error, "message_too_large", null);
        Assert.Contains("65536", Message(error));
        await AssertStillAnswers(client);
    }

    [Fact]
    public async Task A_message_of_exactly_64_KB_is_read()
    {
        await using var client = await KittClient.ConnectAsync(app, "/ws/freight", "err-edge");
        var bytes = Encoding.UTF8.GetBytes(KittClient.Envelope("heartbeat", null, "edge").ToJsonString());
        var padded = new byte[64 * 1024];
        Array.Fill(padded, (byte)' ');
        bytes.CopyTo(padded, 0);
        await client.SendAsync(padded);

        var reply = await client.ReceiveAsync();
        Assert.Equal("heartbeat", reply.GetProperty("type").GetString());
        Assert.Equal("edge", reply.GetProperty("correlation_id").GetString());
    }

    [Fact]
    public async Task Flooding_is_refused_with_errors_and_then_closed_with_a_reason()
    {
        await using var flood = new SocketAppFactory(new Dictionary<string, string>
        {
            ["Kitt:MessagesPerSecond"] = "5",
            ["Kitt:AbuseLimit"] = "10",
        });
        await using var client = await KittClient.ConnectAsync(flood, "/ws/freight", "flooder");
        var heartbeat = Encoding.UTF8.GetBytes(KittClient.Envelope("heartbeat", null).ToJsonString());
        for (var i = 0; i < 40; i++)
        {
            await client.SendAsync(heartbeat);
        }

        var codes = new List<string>();
        string? close = null;
        while (close is null)
        {
            var (message, closed) = await client.ReceiveOrCloseAsync();
            close = closed;
            if (message is { } m && m.GetProperty("type").GetString() == "error")
            {
                codes.Add(m.GetProperty("payload").GetProperty("code").GetString()!);
            }
        }

        Assert.Contains("rate_limited", codes);
        Assert.Equal("1008 rate limit of 5 messages/s exceeded repeatedly", close);
    }

    [Fact]
    public async Task Each_message_counts_toward_the_error_rate_and_a_refused_one_as_a_failure()
    {
        var rate = app.Services.GetRequiredService<ErrorRate>();
        await using var client = await KittClient.ConnectAsync(app, "/ws/freight", "err-rate");
        var before = rate.Sample();
        await client.SendAsync(Encoding.UTF8.GetBytes("not json"));
        await client.ReceiveAsync();
        await AssertStillAnswers(client);

        // At least: the upgrade requests of earlier connections are counted too, when they end.
        await Eventually.TrueAsync(() => rate.Sample().Total >= before.Total + 2);
        Assert.Equal(before.Failed + 1, rate.Sample().Failed);
    }

    internal static JsonObject ShipmentPayload(int items, string? reference = null)
    {
        var list = new JsonArray();
        for (var i = 0; i < items; i++)
        {
            list.Add(new JsonObject { ["sku"] = $"SKU-{i}", ["width"] = 40, ["height"] = 30, ["depth"] = 50, ["weight"] = 8, ["quantity"] = 1 });
        }

        var payload = new JsonObject
        {
            ["origin"] = "Rotterdam",
            ["destination"] = "Basel",
            ["items"] = list,
        };
        if (reference is not null)
        {
            payload["reference"] = reference;
        }

        return payload;
    }

    internal static void AssertError(JsonElement error, string code, string? field)
    {
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.True(DateTimeOffset.TryParse(error.GetProperty("timestamp").GetString(), out _));
        var payload = error.GetProperty("payload");
        Assert.Equal(code, payload.GetProperty("code").GetString());
        Assert.Equal(field, payload.GetProperty("field").GetString());
    }

    internal static async Task AssertStillAnswers(KittClient client)
    {
        await client.SendAsync(KittClient.Envelope("heartbeat", new JsonObject { ["sequence"] = 7 }, "still-there"));
        var reply = await client.ReceiveAsync("heartbeat");
        Assert.Equal("still-there", reply.GetProperty("correlation_id").GetString());
        Assert.Equal(7, reply.GetProperty("payload").GetProperty("sequence").GetInt64());
    }

    private static string Message(JsonElement error) => error.GetProperty("payload").GetProperty("message").GetString()!;
}
