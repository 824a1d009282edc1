using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Testing;

namespace Kitt.Dashboard.Tests.Containers;

/// <summary>The event stream cut by an engine restart: it reconnects, counts it, and the poll after it misses nothing.</summary>
public sealed class EngineRestartTests(DockerEngine engine) : IClassFixture<DockerEngine>
{
    [Fact]
    public async Task After_the_engine_restarts_the_stream_reconnects_and_the_list_catches_up()
    {
        await using var app = new EngineAppFactory(engine.Endpoint, new Dictionary<string, string> { ["Docker:PollSeconds"] = "60" });
        var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        var before = "before-" + Guid.NewGuid().ToString("N")[..6];
        await engine.DockerAsync("run", "-d", "--network", "none", "--name", before, DockerEngine.Image, "sleep", "600");
        await EngineEventsTests.UntilAsync(async () => (await EngineEventsTests.RowAsync(client, before))?.GetProperty("state").GetString() == "running" ? true : (bool?)null);

        await engine.StopDaemonAsync();
        await EngineEventsTests.UntilAsync(async () => await EventsStateAsync(client) is "degraded" or "unavailable" ? true : (bool?)null);
        await engine.StartDaemonAsync();
        // Started while the stream may still be waiting to reconnect: only the poll after the reconnect can find it.
        var after = "after-" + Guid.NewGuid().ToString("N")[..6];
        await engine.DockerAsync("run", "-d", "--network", "none", "--name", after, DockerEngine.Image, "sleep", "600");

        await EngineEventsTests.UntilAsync(async () => (await EngineEventsTests.RowAsync(client, after))?.GetProperty("state").GetString() == "running" ? true : (bool?)null, seconds: 45);
        // The engine stopped the container it had when it went down; the list says so too.
        await EngineEventsTests.UntilAsync(async () => (await EngineEventsTests.RowAsync(client, before))?.GetProperty("state").GetString() is "exited" ? true : (bool?)null, seconds: 45);
        var events = await EngineEventsTests.UntilFollowingAsync(client);
        Assert.Matches(@"[1-9]\d* reconnects", events.GetProperty("reason").GetString());
    }

    private static async Task<string?> EventsStateAsync(HttpClient client)
    {
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        var events = health.GetProperty("components").EnumerateArray().FirstOrDefault(c => c.GetProperty("name").GetString() == "docker-events");
        return events.ValueKind == JsonValueKind.Object ? events.GetProperty("state").GetString() : null;
    }
}
