using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Testing;

namespace Kitt.Dashboard.Tests.Containers;

/// <summary>
/// The engine's event stream on a real engine, with the poll slowed to once a minute: whatever reaches the list or
/// the alerts within seconds came through the events.
/// </summary>
public sealed class EngineEventsTests(DockerEngine engine) : IClassFixture<DockerEngine>
{
    private static readonly Dictionary<string, string> SlowPoll = new() { ["Docker:PollSeconds"] = "60" };

    [Fact]
    public async Task An_oom_kill_raises_an_oom_alert_naming_the_container_and_its_memory_limit()
    {
        await using var app = new EngineAppFactory(engine.Endpoint, SlowPoll);
        var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        await UntilFollowingAsync(client);

        var name = "hog-" + Guid.NewGuid().ToString("N")[..6];
        var watch = Stopwatch.StartNew();
        // 64 MB of 'a' in a shell variable, in a container allowed 8 MiB: the kernel's OOM killer ends it.
        await engine.DockerAsync("run", "-d", "--network", "none", "--name", name, "--memory", "8m", "--memory-swap", "8m",
            DockerEngine.Image, "sh", "-c", "x=$(head -c 64000000 /dev/zero | tr '\\0' a); sleep 60");

        var alert = await UntilAsync(async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/alerts?type=oom&source={name}");
            return page.GetProperty("items").EnumerateArray().Select(a => (JsonElement?)a.Clone()).FirstOrDefault();
        });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"the alert took {watch.Elapsed.TotalSeconds:0.0} s; the poll would have taken a minute");
        Assert.Equal("critical", alert.GetProperty("severity").GetString());
        Assert.Equal($"{name} was killed: out of memory", alert.GetProperty("title").GetString());
        Assert.Contains("8.0 MiB", alert.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_container_that_exits_shows_exited_and_alerts_from_the_event_not_the_next_poll()
    {
        await using var app = new EngineAppFactory(engine.Endpoint, SlowPoll);
        var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        await UntilFollowingAsync(client);

        var name = "quitter-" + Guid.NewGuid().ToString("N")[..6];
        await engine.DockerAsync("run", "-d", "--network", "none", "--name", name, "--label", "com.docker.compose.project=billing",
            DockerEngine.Image, "sh", "-c", "sleep 1; exit 3");

        var row = await UntilAsync(
            async () => (await RowAsync(client, name)) is { } r && r.GetProperty("state").GetString() == "exited" ? r : (JsonElement?)null,
            explain: async () => $"{await client.GetStringAsync("/api/containers")} {await client.GetStringAsync("/health")}");
        Assert.Equal(3, row.GetProperty("exitCode").GetInt64());
        Assert.Equal("billing", row.GetProperty("composeProject").GetString());
        Assert.Equal("billing", row.GetProperty("labels").GetProperty("com.docker.compose.project").GetString());
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await client.GetFromJsonAsync<JsonElement>($"/api/alerts?type=container_exit&source={name}")).GetProperty("total").GetInt32() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no container_exit alert; alerts: " + await client.GetStringAsync("/api/alerts?take=20"));
            await Task.Delay(100);
        }
    }

    internal static Task<JsonElement> UntilFollowingAsync(HttpClient client) => UntilAsync(async () =>
    {
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        var events = health.GetProperty("components").EnumerateArray().FirstOrDefault(c => c.GetProperty("name").GetString() == "docker-events");
        return events.ValueKind == JsonValueKind.Object && events.GetProperty("state").GetString() == "running" ? events.Clone() : (JsonElement?)null;
    });

    internal static async Task<JsonElement?> RowAsync(HttpClient client, string name)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/containers");
        return list.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("name").GetString() == name).Select(r => (JsonElement?)r.Clone()).FirstOrDefault();
    }

    internal static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, int seconds = 30, Func<Task<string>>? explain = null)
        where T : struct
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "not within " + seconds + " s" + (explain is null ? "" : ": " + await explain()));
            await Task.Delay(100);
        }
    }
}
