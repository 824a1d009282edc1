using System.Text.Json;
using Kitt.Dashboard.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Sockets;

/// <summary>Connected clients are sessions like browser tabs, and /stats lists them as the original protocol did.</summary>
public sealed class KittSocketSessionTests(SocketAppFactory app) : IClassFixture<SocketAppFactory>
{
    [Fact]
    public async Task Clients_appear_as_sessions_and_in_stats_and_vanish_when_they_leave()
    {
        var tracker = app.Services.GetRequiredService<CircuitTracker>();
        using var http = app.KeyClient();
        await using (var freight = await KittClient.ConnectAsync(app, "/ws/freight", "erp-1"))
        await using (var notifications = await KittClient.ConnectAsync(app, "/ws/notifications", "screen-1"))
        {
            await KittSocketErrorTests.AssertStillAnswers(freight);
            // The notifications client is open on its side; the server lists it once its handshake is through.
            await Eventually.TrueAsync(() => tracker.Sessions.Count(s => s.Kind == SessionKinds.WebSocket) == 2);

            var sessions = tracker.Sessions.Where(s => s.Kind == SessionKinds.WebSocket).OrderBy(s => s.Page).ToList();
            Assert.Equal(["/ws/freight", "/ws/notifications"], sessions.Select(s => s.Page));
            Assert.Equal(["erp-1", "screen-1"], sessions.Select(s => s.ClientId));
            Assert.All(sessions, s => Assert.Equal("api-key:bootstrap", s.User));
            Assert.Equal(2, tracker.OpenSessions);
            Assert.Equal(0, tracker.OpenCircuits);

            using var api = JsonDocument.Parse(await http.GetStringAsync("/api/sessions"));
            Assert.Equal(2, api.RootElement.GetProperty("items").EnumerateArray().Count(s => s.GetProperty("kind").GetString() == "websocket"));

            using var stats = JsonDocument.Parse(await http.GetStringAsync("/stats"));
            var root = stats.RootElement;
            Assert.Equal(2, root.GetProperty("apiClients").GetInt32());
            Assert.Equal(0, root.GetProperty("circuits").GetProperty("open").GetInt32());
            var kitt = root.GetProperty("kitt");
            Assert.Equal(2, kitt.GetProperty("total_connections").GetInt32());
            var byEndpoint = kitt.GetProperty("connections_by_endpoint");
            Assert.Equal(1, byEndpoint.GetProperty("freight").GetInt32());
            Assert.Equal(0, byEndpoint.GetProperty("packing").GetInt32());
            Assert.Equal(1, byEndpoint.GetProperty("notifications").GetInt32());
            var details = kitt.GetProperty("connection_details").EnumerateArray().ToDictionary(d => d.GetProperty("client_id").GetString()!);
            Assert.Equal("freight", details["erp-1"].GetProperty("endpoint").GetString());
            var connectedAt = details["erp-1"].GetProperty("connected_at").GetDateTimeOffset();
            var lastHeartbeat = details["erp-1"].GetProperty("last_heartbeat").GetDateTimeOffset();
            Assert.True(lastHeartbeat > connectedAt, "the heartbeat sent after connecting is recorded");
            Assert.Equal(256, kitt.GetProperty("send_queue_capacity").GetInt32());
            Assert.True(kitt.GetProperty("messages_received").GetInt64() >= 1);
            foreach (var counter in new[] { "queued_messages", "messages_sent", "errors_sent", "dropped_slow_clients", "closed_silent", "closed_abusive", "replaced" })
            {
                Assert.True(kitt.TryGetProperty(counter, out _), counter);
            }
        }

        await Eventually.TrueAsync(() => tracker.OpenSessions == 0);
        using var after = JsonDocument.Parse(await http.GetStringAsync("/stats"));
        Assert.Equal(0, after.RootElement.GetProperty("kitt").GetProperty("total_connections").GetInt32());
    }

    [Fact]
    public async Task A_second_connection_with_the_same_client_id_replaces_the_first()
    {
        var tracker = app.Services.GetRequiredService<CircuitTracker>();
        await using var first = await KittClient.ConnectAsync(app, "/ws/packing", "twin");
        await using var second = await KittClient.ConnectAsync(app, "/ws/packing", "twin");

        Assert.Equal("1008 replaced by a newer connection with the same client_id", await first.ReceiveCloseAsync());
        await KittSocketErrorTests.AssertStillAnswers(second);
        await first.DisposeAsync();
        await Eventually.TrueAsync(() => tracker.Sessions.Count(s => s.ClientId == "twin") == 1);
    }
}
