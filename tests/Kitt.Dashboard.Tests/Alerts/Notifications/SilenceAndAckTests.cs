using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Tests.Data;
using Kitt.Dashboard.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Kitt.Dashboard.Tests.Alerts.Notifications.NotificationTestKit;

namespace Kitt.Dashboard.Tests.Alerts.Notifications;

/// <summary>
/// Silences, acknowledgements and inhibition end to end: over REST with fields named when wrong, on the stored alerts,
/// and at a real webhook receiver that hears nothing of a silenced or inhibited alert and no repeats of an acknowledged one.
/// </summary>
public sealed class SilenceAndAckTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_silenced_alert_is_stored_as_silenced_and_not_sent_while_silences_are_listed_extended_and_expired(StoreKind kind)
    {
        using var database = new TestDatabase(kind: kind);
        await using var hook = await HookServer.StartAsync();
        var settings = Receiver("ops", "webhook", 0, "0s", "source");
        settings["Alerts:Receivers:ops:Url"] = hook.Url.ToString();
        await using var app = new ConfiguredAppFactory(settings, database);
        var admin = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

        await ExpectProblemsAsync(admin, new { matchers = Array.Empty<object>(), endsAt = DateTimeOffset.UtcNow.AddHours(1), comment = "x" }, "matchers");
        await ExpectProblemsAsync(admin, new { matchers = new[] { new { name = "source", value = "(db", isRegex = true } }, endsAt = DateTimeOffset.UtcNow.AddHours(1), comment = "x" }, "matchers[0].value");
        await ExpectProblemsAsync(admin, new { matchers = new[] { new { name = "so urce", value = "db" } }, endsAt = DateTimeOffset.UtcNow.AddHours(1), comment = "x" }, "matchers[0].name");
        await ExpectProblemsAsync(admin, new { matchers = new[] { new { name = "source", value = "db" } }, comment = "x" }, "endsAt");
        await ExpectProblemsAsync(admin, new { matchers = new[] { new { name = "source", value = "db" } }, endsAt = DateTimeOffset.UtcNow.AddHours(-1), comment = "x" }, "endsAt");
        await ExpectProblemsAsync(admin, new { matchers = new[] { new { name = "source", value = "db" } }, endsAt = DateTimeOffset.UtcNow.AddHours(1) }, "comment");
        await ExpectProblemsAsync(admin, new { matchers = "source=db" }, "matchers");

        using var created = await admin.PostAsJsonAsync("/api/alerts/silences", new
        {
            matchers = new object[] { new { name = "source", value = "quiet-.*", isRegex = true }, new { name = "severity", value = "info", isEqual = false } },
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            comment = "maintenance of the quiet ones",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var silence = await created.Content.ReadFromJsonAsync<JsonElement>();
        var silenceId = silence.GetProperty("id").GetInt64();
        Assert.Equal("active", silence.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(silence.GetProperty("createdBy").GetString()));

        await PollAsync(app, admin, ["quiet-1", "loud-1"], "firing");
        await UntilAsync(() => hook.Received.Any(r => r.Alerts.Any(a => a.Source == "loud-1")), 30, () => $"{hook.Received.Count} requests");
        var alerts = (await admin.GetFromJsonAsync<JsonElement>("/api/alerts?type=container_exit")).GetProperty("items").EnumerateArray().ToDictionary(a => a.GetProperty("source").GetString()!);
        Assert.Equal(silenceId, alerts["quiet-1"].GetProperty("silencedBy").GetInt64());
        Assert.Equal(JsonValueKind.Null, alerts["loud-1"].GetProperty("silencedBy").ValueKind);
        await Task.Delay(TimeSpan.FromSeconds(2)); // past a group interval: a silenced alert is never sent late either
        Assert.DoesNotContain(hook.Received, r => r.Alerts.Any(a => a.Source == "quiet-1"));

        using (var extended = await admin.PutAsJsonAsync($"/api/alerts/silences/{silenceId}", new { endsAt = DateTimeOffset.UtcNow.AddHours(3) }))
        {
            Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
            Assert.True((await extended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("endsAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(2));
        }

        using (var backwards = await admin.PutAsJsonAsync($"/api/alerts/silences/{silenceId}", new { endsAt = DateTimeOffset.UtcNow.AddDays(-1) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
            Assert.True((await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("endsAt", out _));
        }

        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>("/api/alerts/silences")).EnumerateArray(), s => s.GetProperty("id").GetInt64() == silenceId);
        using (var expired = await admin.DeleteAsync($"/api/alerts/silences/{silenceId}"))
        {
            Assert.Equal("expired", (await expired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        }

        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/api/alerts/silences")).EnumerateArray(), s => s.GetProperty("id").GetInt64() == silenceId);
        // Silenced no more and still firing: now it is told, as Alertmanager tells an alert whose silence ended.
        await UntilAsync(() => hook.Received.Any(r => r.Alerts.Any(a => a.Source == "quiet-1")), 30, () => "the alert was not told after its silence ended");
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>("/api/alerts/silences?expired=true")).EnumerateArray(), s => s.GetProperty("id").GetInt64() == silenceId);
        using var missing = await admin.DeleteAsync("/api/alerts/silences/987654");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // "Silence for 1 h" from an alert: its rule on its source.
        using var fromAlert = await admin.PostAsync($"/api/alerts/{alerts["loud-1"].GetProperty("id").GetInt64()}/silence?hours=2", null);
        Assert.Equal(HttpStatusCode.Created, fromAlert.StatusCode);
        var matchers = (await fromAlert.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matchers").EnumerateArray()
            .Select(m => $"{m.GetProperty("name").GetString()}={m.GetProperty("value").GetString()}").ToList();
        Assert.Equal(["alertname=container_exit", "source=loud-1"], matchers);
    }

    [Fact]
    public async Task Acknowledging_stops_the_repeats_of_an_alert_until_it_is_taken_back_and_only_those_who_respond_may()
    {
        using var database = new TestDatabase(kind: StoreKind.Sqlite);
        await using var hook = await HookServer.StartAsync();
        var settings = Receiver("ops", "webhook");
        settings["Alerts:Routes:0:RepeatInterval"] = "2s";
        settings["Alerts:Receivers:ops:Url"] = hook.Url.ToString();
        await using var app = new ConfiguredAppFactory(settings, database);
        var admin = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

        await PollAsync(app, admin, ["taken-1"], "firing");
        await UntilAsync(() => hook.Received.Count >= 2, 30, () => $"{hook.Received.Count} requests: no repeat"); // it repeats
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/alerts?type=container_exit")).GetProperty("items")[0].GetProperty("id").GetInt64();

        var (analyst, password) = await app.CreateUserAsync("Analyst");
        var responder = await app.SignedInClientAsync(analyst, password);
        using (var ack = await responder.PostAsJsonAsync($"/api/alerts/{id}/ack", new { comment = "on it" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, ack.StatusCode);
        }

        var item = (await admin.GetFromJsonAsync<JsonElement>("/api/alerts?type=container_exit")).GetProperty("items")[0];
        Assert.Equal(analyst, item.GetProperty("ackedBy").GetString());
        Assert.Equal("on it", item.GetProperty("ackComment").GetString());

        // The repeats stop: a quiet spell of three repeat intervals comes, which repeats every 2 s would never leave.
        var heard = (Count: hook.Received.Count, At: DateTime.UtcNow);
        await UntilAsync(() =>
        {
            if (hook.Received.Count != heard.Count)
            {
                heard = (hook.Received.Count, DateTime.UtcNow);
            }

            return DateTime.UtcNow - heard.At > TimeSpan.FromSeconds(6);
        }, 40, () => $"still repeating: {hook.Received.Count} requests");
        var quiet = hook.Received.Count;

        using (var unack = await responder.DeleteAsync($"/api/alerts/{id}/ack"))
        {
            Assert.Equal(HttpStatusCode.NoContent, unack.StatusCode);
        }

        await UntilAsync(() => hook.Received.Count > quiet, 30, () => "no repeat after the acknowledgement was taken back");

        var (dispatcher, secret) = await app.CreateUserAsync("Dispatcher");
        using var forbidden = await (await app.SignedInClientAsync(dispatcher, secret)).PostAsync($"/api/alerts/{id}/ack", null);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var none = await admin.PostAsync("/api/alerts/987654/ack", null);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        await PollAsync(app, admin, [], "resolved", ["taken-1"]);
        using var resolved = await admin.PostAsync($"/api/alerts/{id}/ack", null);
        Assert.Equal(HttpStatusCode.Conflict, resolved.StatusCode);
    }

    [Fact]
    public async Task While_the_docker_engine_is_unavailable_its_containers_alerts_are_inhibited_say_by_what_and_are_told_once_it_is_back()
    {
        using var database = new TestDatabase(kind: StoreKind.Sqlite);
        await using var hook = await HookServer.StartAsync();
        var settings = Receiver("ops", "webhook", 0, "0s", "source");
        settings["Alerts:Receivers:ops:Url"] = hook.Url.ToString();
        await using var app = new ConfiguredAppFactory(settings, database);
        var admin = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        var states = app.Services.GetRequiredService<ComponentStates>();

        states.Report(ComponentStates.Docker, ComponentStatus.Unavailable, "the engine does not answer");
        await UntilAsync(async () => (await admin.GetFromJsonAsync<JsonElement>("/api/alerts?type=source_unavailable&source=docker&state=firing")).GetProperty("total").GetInt32() == 1,
            30, () => Task.FromResult("no docker alert"));
        await PollAsync(app, admin, ["follower-1"], "firing");
        var inhibited = (await admin.GetFromJsonAsync<JsonElement>("/api/alerts?type=container_exit&source=follower-1")).GetProperty("items")[0];
        Assert.Equal("source_unavailable:docker", inhibited.GetProperty("inhibitedBy").GetString());

        states.Report(ComponentStates.Docker, ComponentStatus.Running);
        await UntilAsync(async () => (await admin.GetFromJsonAsync<JsonElement>("/api/alerts?type=source_unavailable&source=docker&state=firing")).GetProperty("total").GetInt32() == 0,
            30, () => Task.FromResult("the docker alert did not resolve"));
        await PollAsync(app, admin, ["follower-1", "free-1"], "firing");
        await UntilAsync(() => hook.Received.Any(r => r.Alerts.Any(a => a.Source == "free-1")), 30, () => $"{hook.Received.Count} requests");
        var free = (await admin.GetFromJsonAsync<JsonElement>("/api/alerts?type=container_exit&source=free-1")).GetProperty("items")[0];
        Assert.Equal(JsonValueKind.Null, free.GetProperty("inhibitedBy").ValueKind);

        // The inhibited alert, still firing, is told once its inhibitor resolved, and not before.
        await UntilAsync(() => hook.Received.Any(r => r.Alerts.Any(a => a.Source == "follower-1")), 30, () => "the inhibited alert was never told");
        var engineBack = (await admin.GetFromJsonAsync<JsonElement>("/api/alerts?type=source_unavailable&source=docker")).GetProperty("items")[0].GetProperty("resolvedAt").GetDateTimeOffset();
        Assert.All(hook.Received.Where(r => r.Alerts.Any(a => a.Source == "follower-1")), r => Assert.True(r.Json.GetProperty("sentAt").GetDateTimeOffset() >= engineBack));
    }

    private static async Task ExpectProblemsAsync(HttpClient client, object body, string field)
    {
        using var response = await client.PostAsJsonAsync("/api/alerts/silences", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {text}");
    }
}
