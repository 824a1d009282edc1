using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Dashboard.Tests.Data;

namespace Kitt.Dashboard.Tests.Alerts;

/// <summary>
/// The alert-manager end to end inside the app: with the memory threshold at 1 % the host's memory surely
/// breaches it; the alert is stored, found through every filter and the CSV export, can be read, and is still
/// there, and still one alert, after a restart on the same database.
/// </summary>
public abstract class AlertApiTests(StoreKind kind)
{
    private static readonly Dictionary<string, string> LowMemoryThreshold = new() { ["Alerts:Thresholds:MemoryPercent"] = "1" };

    [Fact]
    public async Task A_breached_threshold_becomes_a_stored_alert_that_filters_export_and_restart_find()
    {
        using var database = new TestDatabase(kind: kind);
        long id;
        await using (var app = new ConfiguredAppFactory(LowMemoryThreshold, database))
        {
            var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
            var alert = await WaitForAsync(client, "/api/alerts?type=memory&source=host");
            id = alert.GetProperty("id").GetInt64();
            Assert.Equal("firing", alert.GetProperty("state").GetString());
            Assert.Equal("memory:host", alert.GetProperty("key").GetString());
            Assert.Contains(alert.GetProperty("severity").GetString(), new[] { "warning", "critical" });

            Assert.Equal(1, await TotalAsync(client, "/api/alerts?q=memory&type=memory&source=host&state=firing"));
            Assert.Equal(0, await TotalAsync(client, "/api/alerts?q=zebra&type=memory"));
            Assert.Equal(0, await TotalAsync(client, "/api/alerts?type=memory&severity=info"));
            Assert.Equal(0, await TotalAsync(client, $"/api/alerts?type=memory&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}"));

            var csv = await client.GetStringAsync("/api/alerts.csv?type=memory&source=host");
            var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("id,firedAt,resolvedAt,severity,state,type,source,title,message", lines[0]);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith($"{id},", lines[1]);

            Assert.Equal(1, await TotalAsync(client, "/api/alerts?type=memory&unread=true"));
            using (var read = await client.PostAsync($"/api/alerts/{id}/read", null))
            {
                Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
            }

            Assert.Equal(0, await TotalAsync(client, "/api/alerts?type=memory&unread=true"));
            using var missing = await client.PostAsync("/api/alerts/987654321/read", null);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        await using (var restarted = new ConfiguredAppFactory(LowMemoryThreshold, database))
        {
            var client = restarted.CreateKeyClient(DashboardAppFactory.BootstrapKey);
            await Task.Delay(TimeSpan.FromSeconds(4)); // a few host samples: the still-breached alert must not fire twice
            var again = await WaitForAsync(client, "/api/alerts?type=memory&source=host");
            Assert.Equal(id, again.GetProperty("id").GetInt64());
            Assert.Equal(1, await TotalAsync(client, "/api/alerts?type=memory&source=host"));
        }
    }

    [Fact]
    public async Task Admins_change_thresholds_at_runtime_with_an_audit_trail_and_bad_values_name_the_field()
    {
        using var database = new TestDatabase(kind: kind);
        await using var app = new ConfiguredAppFactory(new Dictionary<string, string>(), database);
        var admin = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

        using (var bad = await admin.PutAsJsonAsync("/api/alerts/thresholds", new { cpuPercent = 90, memoryPercent = 0, errorRatePercent = 5 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("memoryPercent", out _));
        }

        using (var good = await admin.PutAsJsonAsync("/api/alerts/thresholds", new { cpuPercent = 90, memoryPercent = 70, errorRatePercent = 2 }))
        {
            Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        }

        var state = await admin.GetFromJsonAsync<JsonElement>("/api/alerts/thresholds");
        Assert.Equal(90, state.GetProperty("current").GetProperty("cpuPercent").GetDouble());
        var change = state.GetProperty("changes")[0];
        Assert.Equal(70, change.GetProperty("memoryPercent").GetDouble());
        Assert.False(string.IsNullOrEmpty(change.GetProperty("changedBy").GetString()));

        var (analyst, password) = await app.CreateUserAsync("Analyst");
        var client = await app.SignedInClientAsync(analyst, password);
        using var forbidden = await client.PutAsJsonAsync("/api/alerts/thresholds", new { cpuPercent = 1, memoryPercent = 1, errorRatePercent = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string url)
    {
        // Host metrics come every 2 s and a breach must last 10 s before it fires.
        var until = DateTime.UtcNow.AddSeconds(40);
        while (DateTime.UtcNow < until)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            if (page.GetProperty("items").GetArrayLength() > 0)
            {
                return page.GetProperty("items")[0];
            }

            await Task.Delay(250);
        }

        throw new Xunit.Sdk.XunitException($"no alert at {url} within 40 s");
    }

    private static async Task<int> TotalAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt32();
    }
}

public sealed class AlertApiOnSqliteTests() : AlertApiTests(StoreKind.Sqlite)
{
    [Theory]
    [InlineData("/api/alerts?severity=loud", "severity")]
    [InlineData("/api/alerts?from=2026-11-25T12:00:00Z&to=2026-11-25T10:00:00Z", "from")]
    [InlineData("/api/alerts?take=1000000", "take")]
    [InlineData("/api/alerts.csv?state=burning", "state")]
    public async Task Bad_filters_get_400_naming_the_parameter(string url, string parameter)
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"errors name {parameter}");
    }
}

public sealed class AlertApiOnPostgresTests() : AlertApiTests(StoreKind.Postgres);
