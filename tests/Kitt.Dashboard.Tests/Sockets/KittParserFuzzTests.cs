using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Kitt.Dashboard.Protocol;

namespace Kitt.Dashboard.Tests.Sockets;

/// <summary>
/// Random bytes and random JSON against the parser, and over a real socket: never an exception, always an error
/// reply, and the connection stays open. Seeds are fixed so a failure can be replayed.
/// </summary>
public sealed class KittParserFuzzTests(KittParserFuzzTests.FloodAllowedApp app) : IClassFixture<KittParserFuzzTests.FloodAllowedApp>
{
    private static readonly string[] Codes =
        [KittErrors.InvalidJson, KittErrors.InvalidEnvelope, KittErrors.UnknownType, KittErrors.TypeNotAccepted, KittErrors.InvalidPayload];

    [Fact]
    public void Random_bytes_always_parse_to_an_error()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 5_000; i++)
        {
            var bytes = RandomBytes(random);
            foreach (var endpoint in KittEndpoint.All)
            {
                var parsed = KittParser.Parse(bytes, endpoint);
                Assert.True(parsed.IsError, $"case {i} on {endpoint.Name} parsed as {parsed.Type}: {Convert.ToHexString(bytes)}");
                Assert.Contains(parsed.Error!.Code, Codes);
                Assert.False(string.IsNullOrEmpty(parsed.Error.Message));
            }
        }
    }

    [Fact]
    public void Random_json_never_throws_and_either_errs_naming_a_code_or_carries_a_valid_payload()
    {
        var random = new Random(42);
        var errors = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var json = Encoding.UTF8.GetBytes(RandomMessage(random).ToJsonString());
            foreach (var endpoint in KittEndpoint.All)
            {
                var parsed = KittParser.Parse(json, endpoint);
                if (parsed.IsError)
                {
                    errors++;
                    Assert.Contains(parsed.Error!.Code, Codes);
                    continue;
                }

                // Whatever passes is a type the endpoint accepts, with a payload that validates.
                Assert.True(endpoint.Allows(parsed.Type!));
                var check = new PayloadCheck();
                parsed.Payload!.Validate(check);
                Assert.Empty(check.Errors);
            }
        }

        Assert.True(errors > 10_000, $"only {errors} of 15000 random messages were refused");
    }

    [Fact]
    public void Deep_nesting_is_refused_without_a_stack_overflow()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var parsed = KittParser.Parse(Encoding.UTF8.GetBytes(deep), KittEndpoint.Freight);
        Assert.Equal(KittErrors.InvalidJson, parsed.Error!.Code);

        var deepPayload = "{\"type\":\"notification\",\"payload\":{\"title\":" + new string('[', 50) + new string(']', 50) + "}}";
        Assert.True(KittParser.Parse(Encoding.UTF8.GetBytes(deepPayload), KittEndpoint.Notifications).IsError);
    }

    [Fact]
    public async Task Random_messages_over_a_real_socket_each_get_an_error_and_the_connection_stays_open()
    {
        await using var client = await KittClient.ConnectAsync(app, "/ws/notifications", "fuzzer");
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var correlation = "fuzz-" + i;
            if (i % 2 == 0)
            {
                // Binary: a text frame with broken UTF-8 is failed by the WebSocket layer itself (RFC 6455), before the protocol sees it.
                await client.SendAsync(RandomBytes(random), WebSocketMessageType.Binary);
            }
            else
            {
                var message = RandomMessage(random, allowValid: false);
                if (message is JsonObject envelope)
                {
                    envelope["correlation_id"] = correlation;
                }

                await client.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()));
            }

            var reply = await client.ReceiveAsync();
            Assert.Equal("error", reply.GetProperty("type").GetString());
            Assert.Contains(reply.GetProperty("payload").GetProperty("code").GetString(), Codes);
        }

        await KittSocketErrorTests.AssertStillAnswers(client);
        Assert.Equal(WebSocketState.Open, client.Socket.State);
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        // Some start like JSON so the parser gets past the first byte.
        if (bytes.Length > 2 && random.Next(3) == 0)
        {
            bytes[0] = (byte)'{';
            bytes[1] = (byte)'"';
        }

        return bytes;
    }

    private static readonly string[] Types =
        [.. KittTypes.Payloads.Keys, "", "HEARTBEAT", "shipment-request", "x"];

    /// <summary>Envelopes with random types and random payloads, and now and then any JSON at all.</summary>
    private static JsonNode RandomMessage(Random random, bool allowValid = true)
    {
        if (random.Next(5) == 0)
        {
            return RandomValue(random, 3) ?? JsonValue.Create(0);
        }

        var types = allowValid ? Types : Types.Where(t => t != KittTypes.Heartbeat).ToArray();
        var envelope = new JsonObject();
        if (random.Next(10) > 0)
        {
            envelope["type"] = random.Next(10) > 0 ? types[random.Next(types.Length)] : RandomValue(random, 1);
        }

        if (random.Next(4) > 0)
        {
            envelope["timestamp"] = random.Next(3) > 0 ? DateTimeOffset.UtcNow.ToString("O") : RandomValue(random, 1);
        }

        if (random.Next(6) > 0)
        {
            envelope["payload"] = random.Next(4) > 0 ? RandomObject(random, 3) : RandomValue(random, 2);
        }

        if (random.Next(3) > 0)
        {
            envelope["correlation_id"] = random.Next(5) > 0 ? "c" + random.Next() : RandomValue(random, 1);
        }

        return envelope;
    }

    private static JsonObject RandomObject(Random random, int depth)
    {
        var obj = new JsonObject();
        for (var i = random.Next(0, 6); i > 0; i--)
        {
            // Mostly names the payloads use, so the typed reading and the checks are exercised, not just skipped.
            string[] names = ["sku", "width", "height", "depth", "weight", "items", "origin", "destination", "title", "message",
                "severity", "region", "condition", "road", "congestion", "route_id", "status", "shipment_id", "score", "level", "code"];
            obj[random.Next(4) > 0 ? names[random.Next(names.Length)] : "k_" + random.Next(1000)] = RandomValue(random, depth - 1);
        }

        return obj;
    }

    private static JsonNode? RandomValue(Random random, int depth) => (depth <= 0 ? random.Next(5) : random.Next(7)) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.NextDouble() * 200 - 100),
        3 => JsonValue.Create(new string((char)random.Next(32, 0x2FF), random.Next(0, 8))),
        4 => JsonValue.Create(random.Next(-5, 5)),
        5 => new JsonArray([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(3) == 0 ? RandomObject(random, depth - 1) : RandomValue(random, depth - 1))]),
        _ => RandomObject(random, depth - 1),
    };

    /// <summary>The app with the per-connection rate limit raised: the fuzzer sends faster than any client should.</summary>
    public sealed class FloodAllowedApp() : SocketAppFactory(new Dictionary<string, string> { ["Kitt:MessagesPerSecond"] = "100000" });
}
