using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kitt.Dashboard.Events;
using Kitt.Testing;
using static Microsoft.Playwright.Assertions;

namespace Kitt.Dashboard.E2E;

/// <summary>
/// Two dashboards on one PostgreSQL database and librdkafka's mock cluster, started together from the published
/// output as an operator runs them: one platform, not two dashboards. Accounts and keys made on one work on the
/// other; the alert the leading instance fires is in the other's history and toasted on a page open there, once;
/// and 200 shipments sent half to each are all packed exactly once while the leading instance is killed half-way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScaleOutTests(BrowserFixture browser)
{
    private const int Shipments = 200;

    [Fact]
    public async Task Two_instances_share_accounts_alerts_and_the_queue_and_lose_nothing_when_the_leader_is_killed()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var database = await cluster.CreateDatabaseAsync("kitt_scale");
        using var kafka = new KafkaMockCluster();
        var started = await Task.WhenAll(browser.App.StartAnotherAsync(Settings(kafka, database, "one")), browser.App.StartAnotherAsync(Settings(kafka, database, "two")));
        try
        {
            await Task.WhenAll(started.Select(WaitReadyAsync));

            // Whichever took the alert-manager's lease first leads; it is the one killed later.
            var leaderName = (await HolderAsync(database, "alert-manager", _ => true)).Split('/')[0];
            var (leader, other) = leaderName == "one" ? (started[0], started[1]) : (started[1], started[0]);
            using var leaderApi = Api(leader, PublishedApp.BootstrapKey);
            using var otherApi = Api(other, PublishedApp.BootstrapKey);

            // A key and an account made on the leader work on the other instance.
            var keys = await browser.OpenAsync("/admin/api-keys", leader);
            var key = await AdminPages.CreateApiKeyAsync(keys, "scale-out-script");
            using (var withKey = Api(other, key))
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, (await withKey.GetAsync("/stats")).StatusCode);
            }

            // The sign-in made on the leader holds on the other instance too (shared cookie keys and sign-in
            // sessions), as for a tab a failover moves; and the key is listed there.
            await keys.GotoAsync(new Uri(other.BaseAddress, "/admin/api-keys").ToString());
            await Expect(keys.GetByTestId("keys-table")).ToContainTextAsync("scale-out-script");

            await keys.GotoAsync("/admin/users");
            await BrowserFixture.WaitForCircuitAsync(keys);
            var (userName, oneTime) = await AdminPages.CreateUserAsync(keys, "Dispatcher");
            await keys.Context.CloseAsync();
            var newcomer = await browser.NewPageAsync(other);
            await BrowserFixture.SignInAsync(newcomer, userName, oneTime);
            await Expect(newcomer).ToHaveURLAsync(new Regex("/account/change-password$"));
            await newcomer.Context.CloseAsync();

            // A threshold set on the other instance reaches the leader's rules; the leader's alert reaches the
            // other instance's history and, through Kafka, a page open there.
            var watching = await browser.OpenAsync("/", other);
            using (var set = await otherApi.PutAsJsonAsync("/api/alerts/thresholds", new { cpuPercent = 95, memoryPercent = 1, errorRatePercent = 50 }))
            {
                set.EnsureSuccessStatusCode();
            }

            await Expect(watching.Locator(".mud-snackbar").Filter(new() { HasText = "Host memory at" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
            Assert.Equal(1, await TotalAsync(otherApi, "/api/alerts?type=memory&source=host"));
            await watching.Context.CloseAsync();

            // Half the shipments to each instance; the leader dies (SIGKILL) with jobs in flight.
            var ids = (await Task.WhenAll(Enumerable.Range(0, Shipments).Select(i => SendAsync(i % 2 == 0 ? leaderApi : otherApi, i)))).ToHashSet();
            Assert.Equal(Shipments, ids.Count);
            await WaitUntilAsync(async () => await CountAsync(database, """SELECT count(*) FROM shipments WHERE "Status" = 'packed'""") >= Shipments / 4,
                TimeSpan.FromSeconds(120), "a quarter of the shipments packed");
            // The instance leading now (a stall may have moved the lease since) is killed.
            var victim = (await HolderAsync(database, "alert-manager", _ => true)).Split('/')[0];
            var (killed, survivor) = victim == "one" ? (started[0], started[1]) : (started[1], started[0]);
            using var survivorApi = Api(survivor, PublishedApp.BootstrapKey);
            var killedAt = Stopwatch.StartNew();
            await killed.StopAsync();

            // The other instance takes over the alert-manager once the lease lapsed, and goes on from the stored
            // firing alert instead of firing it again.
            await HolderAsync(database, "alert-manager", holder => !holder.StartsWith(victim + "/", StringComparison.Ordinal));
            await WaitUntilAsync(async () => await EvaluatingAsync(survivorApi), TimeSpan.FromSeconds(60), "the survivor evaluating alerts");
            Console.WriteLine($"failover: alerts evaluated on the other instance {killedAt.Elapsed.TotalSeconds:0.0} s after the leader was killed");

            await WaitUntilAsync(async () => await CountAsync(database, """SELECT count(*) FROM shipments WHERE "Status" = 'packed'""") == Shipments,
                TimeSpan.FromSeconds(240), "every shipment packed");
            // Each packed once: one packing result per shipment, whichever instance finished it.
            var results = await CountAsync(database, $"""SELECT count(*) FROM outbox_events WHERE "Topic" = '{EventTopics.PackingResults}' AND "Envelope" LIKE '%"status":"packed"%'""");
            Assert.Equal(Shipments, results);
            Assert.Equal(Shipments, await CountAsync(database, """SELECT count(DISTINCT "Key") FROM outbox_events WHERE "Topic" = 'packing.results' AND "Envelope" LIKE '%"status":"packed"%'"""));

            // Host samples judged by the new leader (one every 2 s): the breach goes on, the alert stays one.
            await Task.Delay(TimeSpan.FromSeconds(6));
            Assert.True(await EvaluatingAsync(survivorApi));
            Assert.Equal(1, await TotalAsync(survivorApi, "/api/alerts?type=memory&source=host"));
            Assert.Equal(1, await TotalAsync(survivorApi, "/api/alerts?type=memory&source=host&state=firing"));
        }
        finally
        {
            foreach (var app in started)
            {
                await app.DisposeAsync();
            }

            await cluster.DropDatabaseAsync(database);
        }
    }

    private static Dictionary<string, string> Settings(KafkaMockCluster kafka, string database, string instance)
    {
        var settings = kafka.AppSettings(instance).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["Database__Provider"] = "postgres";
        settings["ConnectionStrings__Kitt"] = database;
        settings["Leases__Seconds"] = "4";
        settings["Packing__LeaseSeconds"] = "5";
        settings["Packing__SearchSeconds"] = "0.3";
        settings["Packing__MaxConcurrency"] = "1";
        return settings;
    }

    private static HttpClient Api(PublishedApp app, string key)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static async Task WaitReadyAsync(PublishedApp app)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await WaitUntilAsync(async () =>
        {
            try
            {
                return (await http.GetAsync("/health/ready")).IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(90), $"{app.BaseAddress} ready");
    }

    /// <summary>A shipment whose search runs its whole time budget (more boxes than fit), so jobs are in flight at the kill.</summary>
    private static async Task<long> SendAsync(HttpClient api, int i)
    {
        var body = new JsonObject
        {
            ["reference"] = $"SCALE-{i:000}-{Guid.NewGuid():N}"[..24],
            ["origin"] = "Rotterdam",
            ["destination"] = "Basel",
            ["container"] = new JsonObject { ["length"] = 100, ["width"] = 80, ["height"] = 70 },
            ["items"] = new JsonArray(
                new JsonObject { ["sku"] = "ODD-A", ["length"] = 17, ["width"] = 23, ["height"] = 29, ["weightKg"] = 2, ["quantity"] = 60 },
                new JsonObject { ["sku"] = "ODD-B", ["length"] = 31, ["width"] = 13, ["height"] = 19, ["weightKg"] = 3, ["quantity"] = 60 }),
        };
        using var response = await api.PostAsJsonAsync("/api/shipments", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static async Task<int> TotalAsync(HttpClient api, string url) =>
        (await api.GetFromJsonAsync<JsonElement>(url)).GetProperty("total").GetInt32();

    /// <summary>Whether the instance's alert-manager evaluates (leads), rather than standing by.</summary>
    private static async Task<bool> EvaluatingAsync(HttpClient api)
    {
        var health = await api.GetFromJsonAsync<JsonElement>("/health");
        return health.GetProperty("components").EnumerateArray().Any(c =>
            c.GetProperty("name").GetString() == "alerts" && c.GetProperty("state").GetString() == "running" &&
            (!c.TryGetProperty("reason", out var reason) || reason.ValueKind == JsonValueKind.Null));
    }

    private static Task<long> CountAsync(string database, string sql) => PostgresCluster.ScalarAsync<long>(database, sql);

    /// <summary>Waits until the lease's holder is one <paramref name="wanted"/> accepts, and returns it.</summary>
    private static async Task<string> HolderAsync(string database, string lease, Func<string, bool> wanted)
    {
        string? holder = null;
        await WaitUntilAsync(async () =>
        {
            holder = await PostgresCluster.ScalarAsync<string>(database, $"""SELECT "Holder" FROM leases WHERE "Name" = '{lease}'""");
            return holder is not null && wanted(holder);
        }, TimeSpan.FromSeconds(60), $"the lease {lease} held as wanted (now {holder ?? "nobody"})");
        return holder!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await done())
        {
            if (deadline.Elapsed > timeout)
            {
                throw new Xunit.Sdk.XunitException($"not reached within {timeout.TotalSeconds:0} s: {what}");
            }

            await Task.Delay(250);
        }
    }
}
