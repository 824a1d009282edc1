using System.Text.Json.Nodes;
using Kitt.Dashboard.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kitt.Dashboard.Tests.Sockets;

/// <summary>The heartbeat checker runs on the app's clock, so a fake clock moves a minute in a moment.</summary>
public sealed class KittHeartbeatTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly SocketAppFactory app;

    public KittHeartbeatTests() => app = new SocketAppFactory(new Dictionary<string, string>(), clock);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_silent_connection_is_closed_after_60_s_while_one_that_beats_stays()
    {
        await using var silent = await KittClient.ConnectAsync(app, "/ws/notifications", "silent");
        await using var alive = await KittClient.ConnectAsync(app, "/ws/notifications", "alive");
        var connections = app.Services.GetRequiredService<KittConnections>();

        // Every 25 s the live client beats and hears back; the checks at 30 s and 60 s find nobody silent for 60 s yet.
        for (var beat = 1; beat <= 2; beat++)
        {
            clock.Advance(TimeSpan.FromSeconds(25));
            await alive.SendAsync(KittClient.Envelope("heartbeat", new JsonObject { ["sequence"] = beat }, "beat-" + beat));
            var reply = await alive.ReceiveAsync("heartbeat");
            Assert.Equal(beat, reply.GetProperty("payload").GetProperty("sequence").GetInt64());
        }

        clock.Advance(TimeSpan.FromSeconds(10)); // 60 s: the second check; the silent one is exactly 60 s quiet
        Assert.Equal("1008 no message for 60 s; send a heartbeat every 20-30 s", await silent.ReceiveCloseAsync());
        Assert.Equal(1, connections.Statistics().ClosedSilent);

        await KittSocketErrorTests.AssertStillAnswers(alive);
        await silent.DisposeAsync();
        await Eventually.TrueAsync(() => connections.Statistics().ConnectionDetails.Select(d => d.ClientId).SequenceEqual(["alive"]));
        var detail = connections.Statistics().ConnectionDetails.Single();
        Assert.Equal(clock.GetUtcNow(), detail.LastHeartbeat);
    }

    [Fact]
    public async Task No_check_runs_before_30_s()
    {
        await using var client = await KittClient.ConnectAsync(app, "/ws/freight", "quiet");
        var connections = app.Services.GetRequiredService<KittConnections>();
        clock.Advance(TimeSpan.FromSeconds(29));
        await KittSocketErrorTests.AssertStillAnswers(client);
        Assert.Equal(0, connections.Statistics().ClosedSilent);
    }
}
