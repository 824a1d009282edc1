using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.Tests.Alerts.Notifications;
using Kitt.Dashboard.Tests.Data;
using Kitt.Dashboard.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Kitt.Dashboard.Tests.Alerts.Notifications.NotificationTestKit;

namespace Kitt.Dashboard.Tests.Alerts.Rules;

/// <summary>
/// A rule made over REST judges the next poll, without a restart: it fires for the containers its selector picks
/// (and only them), its labels reach a receiver routed by them, and raising its threshold resolves it.
/// </summary>
public sealed class RuleEvaluationTests
{
    private const long GiB = 1L << 30;

    [Fact]
    public async Task A_new_rule_fires_for_the_containers_it_picks_with_its_labels_and_a_higher_threshold_resolves_it()
    {
        using var database = new TestDatabase();
        await using var hook = await HookServer.StartAsync();
        var settings = Receiver("freight-team", "webhook");
        settings["Alerts:Routes:0:Match:0"] = "team=freight";
        settings["Alerts:Receivers:freight-team:Url"] = hook.Url.ToString();
        await using var app = new ConfiguredAppFactory(settings, database);
        var admin = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        var id = "freight-memory";
        var rule = new Dictionary<string, object?>
        {
            ["name"] = "big_memory", ["scope"] = "containers", ["match"] = "label:com.example.team=freight", ["signal"] = "memory_bytes",
            ["operator"] = ">", ["threshold"] = 1.5 * GiB, ["severity"] = "critical", ["labels"] = new Dictionary<string, string> { ["team"] = "freight" },
        };
        using (var created = await admin.PutAsJsonAsync($"/api/alerts/rules/{id}", rule))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await PollUntilAsync(app, admin, "firing");

        var alert = await OnlyAlertAsync(admin, "firing");
        Assert.Equal(("big_memory:freight-api", "critical"), (alert.GetProperty("key").GetString(), alert.GetProperty("severity").GetString()));
        Assert.Contains("Rule freight-memory: memory_bytes > 1610612736", alert.GetProperty("message").GetString());
        await UntilAsync(() => hook.Received.Any(r => r.Alerts.Any(a => a.Status == "firing")), 30, () => $"{hook.Received.Count} requests");
        var labels = hook.Received.First().Json.GetProperty("alerts")[0].GetProperty("labels");
        Assert.Equal(("freight", id, "containers", "freight-api"),
            (labels.GetProperty("team").GetString(), labels.GetProperty("rule").GetString(), labels.GetProperty("scope").GetString(), labels.GetProperty("source").GetString()));

        rule["threshold"] = 3.0 * GiB;
        rule["version"] = 1;
        using (var raised = await admin.PutAsJsonAsync($"/api/alerts/rules/{id}", rule))
        {
            Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        }

        await PollUntilAsync(app, admin, "resolved");
        await UntilAsync(() => hook.Received.Any(r => r.Alerts.Any(a => a.Status == "resolved")), 30, () => $"{hook.Received.Count} requests");
        // The other team's container, as big, never raised the rule's alert.
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/alerts?type=big_memory&take=100");
        Assert.Equal(["freight-api"], all.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("source").GetString()).Distinct());
    }

    /// <summary>Tells a poll of two 2 GiB containers, of two teams, every few seconds until the rule's alert is in <paramref name="state"/>.</summary>
    private static Task PollUntilAsync(DashboardAppFactory app, HttpClient admin, string state)
    {
        var told = DateTime.MinValue;
        return UntilAsync(async () =>
        {
            if (DateTime.UtcNow - told > TimeSpan.FromSeconds(3))
            {
                var now = DateTimeOffset.UtcNow;
                ContainerRow Row(string name, string team) => new(name, name, "registry/freight:1", "running", "Up", now, StartedAt: now.AddHours(-1),
                    Usage: new ContainerUsage(1, 2 * GiB, 8 * GiB, 0, 0, 0, 0, 4), Labels: new Dictionary<string, string> { ["com.example.team"] = team });
                app.Services.GetRequiredService<ITopicHub>().Publish(ContainersSnapshot.Topic,
                    new ContainersSnapshot(now, "unix:///test.sock", ComponentStatus.Running, null, [Row("freight-api", "freight"), Row("billing-api", "billing")]));
                told = DateTime.UtcNow;
            }

            return (await admin.GetFromJsonAsync<JsonElement>($"/api/alerts?type=big_memory&state={state}")).GetProperty("items").GetArrayLength() > 0;
        }, 60, () => Task.FromResult($"no big_memory alert {state}"));
    }

    private static async Task<JsonElement> OnlyAlertAsync(HttpClient admin, string state) =>
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/alerts?type=big_memory&state={state}")).GetProperty("items").EnumerateArray());
}
