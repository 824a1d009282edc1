using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Tests.Hosting;

namespace Kitt.Dashboard.Tests.Alerts.Rules;

/// <summary>
/// <c>/api/alerts/rules</c> on each provider: the defaults are there from the start; Admins create, change and
/// delete rules with every problem named by field and nothing stored from a refused change; each change is in the
/// rule's history with its author; a stale version is refused; Analysts read but do not write.
/// </summary>
public abstract class RuleApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DashboardAppFactory
{
    private HttpClient Admin => app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

    private static string NewId(string stem) => $"{stem}-{Guid.NewGuid().ToString("N")[..8]}";

    private static object DbMemory(double threshold, int? version = null) => new
    {
        name = "db_memory", scope = "containers", match = "name=~db-.*", signal = "memory_bytes", @operator = ">", threshold,
        @for = "30s", resolveMargin = 100_000_000, severity = "critical", labels = new Dictionary<string, string> { ["team"] = "freight" }, version,
    };

    [Fact]
    public async Task The_defaults_are_the_three_thresholds_as_rules()
    {
        var rules = await Admin.GetFromJsonAsync<JsonElement>("/api/alerts/rules");

        var byId = rules.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal((80, "cpu_percent", "containers", ">=", "10s", true), Facts(byId["container-cpu"]));
        Assert.Equal((85, "memory_percent", "host", ">=", "10s", true), Facts(byId["host-memory"]));
        Assert.Equal((5, "error_rate", "source", ">=", "10s", true), Facts(byId["api-errors"]));
        Assert.Equal("api", byId["api-errors"].GetProperty("match").GetString());

        static (double, string?, string?, string?, string?, bool) Facts(JsonElement r) => (r.GetProperty("threshold").GetDouble(), r.GetProperty("signal").GetString(),
            r.GetProperty("scope").GetString(), r.GetProperty("operator").GetString(), r.GetProperty("for").GetString(), r.GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task A_bad_rule_names_each_field_and_stores_nothing()
    {
        var id = NewId("bad");
        using var response = await Admin.PutAsJsonAsync($"/api/alerts/rules/{id}", new
        {
            name = "Bad Name", scope = "containers", match = "nme=db", signal = "disk_percent", threshold = 150, @for = "soon", window = "5m",
            severity = "loud", labels = new Dictionary<string, string> { ["severity"] = "x" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["for", "labels.severity", "match", "name", "severity", "signal", "threshold", "window"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("disk_percent is not measured for scope containers", errors.GetProperty("signal")[0].GetString());
        using var absent = await Admin.GetAsync($"/api/alerts/rules/{id}");
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        Assert.Empty(await Admin.GetFromJsonAsync<JsonElement[]>($"/api/alerts/rules/{id}/history") ?? []);

        using var twin = await Admin.PutAsJsonAsync($"/api/alerts/rules/{NewId("twin")}", new { name = "cpu", scope = "containers", signal = "cpu_percent", threshold = 50 });
        var twinErrors = (await twin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("container-cpu raises cpu alerts", twinErrors.GetProperty("name")[0].GetString());
        using var notJson = await Admin.PutAsync($"/api/alerts/rules/{id}", new StringContent("{\"threshold\": \"high\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.True((await notJson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("threshold", out _));
    }

    [Fact]
    public async Task A_rule_is_created_changed_at_its_version_and_deleted_and_its_history_tells_who_did_what()
    {
        var id = NewId("db-memory");

        using (var created = await Admin.PutAsJsonAsync($"/api/alerts/rules/{id}", DbMemory(2_000_000_000)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var rule = await created.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((1, "critical", "name=~db-.*", "freight"), (rule.GetProperty("version").GetInt32(), rule.GetProperty("severity").GetString(),
                rule.GetProperty("match").GetString(), rule.GetProperty("labels").GetProperty("team").GetString()));
            Assert.Equal("memory_bytes > 2000000000 for 30s", rule.GetProperty("condition").GetString());
        }

        using (var changed = await Admin.PutAsJsonAsync($"/api/alerts/rules/{id}", DbMemory(3_000_000_000, version: 1)))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal(2, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        }

        // Someone who read version 1 does not overwrite version 2.
        using (var stale = await Admin.PutAsJsonAsync($"/api/alerts/rules/{id}", DbMemory(2_500_000_000, version: 1)))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        Assert.Equal(3_000_000_000, (await Admin.GetFromJsonAsync<JsonElement>($"/api/alerts/rules/{id}")).GetProperty("threshold").GetDouble());
        using (var deleted = await Admin.DeleteAsync($"/api/alerts/rules/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        using (var gone = await Admin.GetAsync($"/api/alerts/rules/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        var history = await Admin.GetFromJsonAsync<JsonElement>($"/api/alerts/rules/{id}/history");
        Assert.Equal(["deleted", "changed", "created"], history.EnumerateArray().Select(c => c.GetProperty("action").GetString()));
        Assert.All(history.EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("changedBy").GetString())));
        Assert.Equal(3_000_000_000, history[1].GetProperty("rule").GetProperty("threshold").GetDouble());
        Assert.Equal(JsonValueKind.Null, history[0].GetProperty("rule").ValueKind);
    }

    [Fact]
    public async Task A_deleted_default_stays_deleted_until_it_is_set_again_and_the_thresholds_api_follows_the_rules()
    {
        using (var deleted = await Admin.DeleteAsync("/api/alerts/rules/host-cpu"))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        var ids = (await Admin.GetFromJsonAsync<JsonElement>("/api/alerts/rules")).EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain("host-cpu", ids);
        Assert.Contains("container-cpu", ids);

        using (var back = await Admin.PutAsJsonAsync("/api/alerts/rules/host-cpu", new { name = "cpu", scope = "host", signal = "cpu_percent", threshold = 91, @for = "10s", resolveMargin = 5 }))
        {
            Assert.Equal(HttpStatusCode.Created, back.StatusCode);
        }

        Assert.Equal(91, (await Admin.GetFromJsonAsync<JsonElement>("/api/alerts/thresholds")).GetProperty("current").GetProperty("cpuPercent").GetDouble());
        using (var set = await Admin.PutAsJsonAsync("/api/alerts/thresholds", new { cpuPercent = 80, memoryPercent = 85, errorRatePercent = 5 }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        var hostCpu = await Admin.GetFromJsonAsync<JsonElement>("/api/alerts/rules/host-cpu");
        Assert.Equal((80, 5), (hostCpu.GetProperty("threshold").GetDouble(), hostCpu.GetProperty("resolveMargin").GetDouble()));
    }

    [Fact]
    public async Task Analysts_read_the_rules_and_only_Admins_change_them()
    {
        var (analyst, password) = await app.CreateUserAsync(Roles.Analyst);
        var client = await app.SignedInClientAsync(analyst, password);

        using var list = await client.GetAsync("/api/alerts/rules");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var put = await client.PutAsJsonAsync($"/api/alerts/rules/{NewId("mine")}", DbMemory(1));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        using var delete = await client.DeleteAsync("/api/alerts/rules/container-cpu");
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }
}

public sealed class RulesOnSqliteTests(DashboardAppFactory app) : RuleApiTests<DashboardAppFactory>(app);

public sealed class RulesOnPostgresTests(PostgresAppFactory app) : RuleApiTests<PostgresAppFactory>(app);
