using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Tests.Hosting;

namespace Kitt.Dashboard.Tests.Alerts.Routing;

/// <summary>
/// <c>/api/alerts/receivers</c> and <c>/api/alerts/routes</c> on each provider: problems named by field and nothing
/// stored; a webhook made without a key gets one, shown once and never listed; a receiver a route uses is kept; Admins only.
/// </summary>
public abstract class RoutingApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DashboardAppFactory
{
    private HttpClient Admin => app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

    private static string NewName(string stem) => $"{stem}-{Guid.NewGuid().ToString("N")[..8]}";

    private static async Task<string[]> FieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        return [.. errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task A_bad_receiver_names_each_field_and_is_not_stored()
    {
        var name = NewName("mail");
        using (var mail = await Admin.PutAsJsonAsync($"/api/alerts/receivers/{name}", new { kind = "email", to = "ops at example", smtp = new { from = "@@" } }))
        {
            Assert.Equal(["smtp.from", "smtp.host", "to"], await FieldsAsync(mail));
        }

        using (var hook = await Admin.PutAsJsonAsync($"/api/alerts/receivers/{name}", new { kind = "webhook", url = "ftp://example.org/hook" }))
        {
            Assert.Equal(["url"], await FieldsAsync(hook));
        }

        using (var kind = await Admin.PutAsJsonAsync($"/api/alerts/receivers/{name}", new { kind = "pager" }))
        {
            Assert.Equal(["kind"], await FieldsAsync(kind));
        }

        using (var badName = await Admin.PutAsJsonAsync("/api/alerts/receivers/no%20spaces", new { kind = "webhook", url = "http://127.0.0.1:9/hook" }))
        {
            Assert.Equal(["name"], await FieldsAsync(badName));
        }

        var listed = await Admin.GetFromJsonAsync<JsonElement>("/api/alerts/receivers");
        Assert.DoesNotContain(listed.EnumerateArray(), r => r.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task A_webhook_made_without_a_key_gets_one_shown_once_and_a_change_keeps_it()
    {
        var name = NewName("hook");
        string secret;
        using (var created = await Admin.PutAsJsonAsync($"/api/alerts/receivers/{name}", new { kind = "webhook", url = "http://127.0.0.1:9/hook" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var saved = await created.Content.ReadFromJsonAsync<JsonElement>();
            secret = saved.GetProperty("secret").GetString()!;
            Assert.Equal(32, Convert.FromBase64String(secret).Length);
            Assert.True(saved.GetProperty("receiver").GetProperty("hasSecret").GetBoolean());
        }

        using (var changed = await Admin.PutAsJsonAsync($"/api/alerts/receivers/{name}", new { kind = "webhook", url = "http://127.0.0.1:10/hook", sendResolved = false }))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            var saved = await changed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(JsonValueKind.Null, saved.GetProperty("secret").ValueKind); // kept, so not made again nor shown
            Assert.True(saved.GetProperty("receiver").GetProperty("hasSecret").GetBoolean());
        }

        var listing = await Admin.GetStringAsync("/api/alerts/receivers");
        Assert.DoesNotContain(secret, listing);
        var listed = JsonDocument.Parse(listing).RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);
        Assert.Equal(("dashboard", "http://127.0.0.1:10/hook", false), (listed.GetProperty("origin").GetString(), listed.GetProperty("url").GetString(), listed.GetProperty("sendResolved").GetBoolean()));

        using var slack = await Admin.PutAsJsonAsync($"/api/alerts/receivers/{NewName("slack")}", new { kind = "slack", url = "https://hooks.slack.com/services/T000/B000/tokentokentoken" });
        Assert.Equal(HttpStatusCode.Created, slack.StatusCode);
        using var queried = await Admin.PutAsJsonAsync($"/api/alerts/receivers/{NewName("query")}", new { kind = "webhook", url = "http://127.0.0.1:9/hook?token=querytokenquery" });
        Assert.Equal(HttpStatusCode.Created, queried.StatusCode);
        var all = await Admin.GetStringAsync("/api/alerts/receivers");
        Assert.DoesNotContain("tokentokentoken", all);
        Assert.DoesNotContain("querytokenquery", all);
        Assert.Contains("http://127.0.0.1:9/hook?…", all);

        // One receiver, whatever the case it is named in.
        using var twin = await Admin.PutAsJsonAsync($"/api/alerts/receivers/{name.ToUpperInvariant()}", new { kind = "webhook", url = "http://127.0.0.1:9/hook" });
        Assert.Equal(["name"], await FieldsAsync(twin));
    }

    [Fact]
    public async Task Routes_name_each_problem_by_position_and_a_receiver_a_route_uses_is_kept()
    {
        var name = NewName("routed");
        using (var created = await Admin.PutAsJsonAsync($"/api/alerts/receivers/{name}", new { kind = "alertmanager", url = "http://127.0.0.1:9093" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var bad = await Admin.PutAsJsonAsync("/api/alerts/routes", new object[]
        {
            new { receiver = "nobody" },
            new { receiver = name, match = new[] { "not a matcher" }, groupInterval = "0s" },
        }))
        {
            Assert.Equal(["routes[0].receiver", "routes[1].groupInterval", "routes[1].match[0]"], await FieldsAsync(bad));
        }

        Assert.DoesNotContain((await Admin.GetFromJsonAsync<JsonElement>("/api/alerts/routes")).EnumerateArray(), r => r.GetProperty("origin").GetString() == "dashboard");
        using (var good = await Admin.PutAsJsonAsync("/api/alerts/routes", new object[] { new { receiver = name, match = new[] { "severity=~error|critical" }, groupBy = new[] { "alertname" } } }))
        {
            Assert.Equal(HttpStatusCode.OK, good.StatusCode);
            var route = (await good.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(r => r.GetProperty("origin").GetString() == "dashboard");
            Assert.Equal((name, "30s", "5m", "4h"), (route.GetProperty("receiver").GetString(), route.GetProperty("groupWait").GetString(),
                route.GetProperty("groupInterval").GetString(), route.GetProperty("repeatInterval").GetString()));
        }

        using (var inUse = await Admin.DeleteAsync($"/api/alerts/receivers/{name}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        }

        using (var cleared = await Admin.PutAsJsonAsync("/api/alerts/routes", Array.Empty<object>()))
        {
            Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        }

        using (var deleted = await Admin.DeleteAsync($"/api/alerts/receivers/{name}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var again = await Admin.DeleteAsync($"/api/alerts/receivers/{name}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Only_Admins_see_or_change_receivers_and_routes()
    {
        var (analyst, password) = await app.CreateUserAsync(Roles.Analyst);
        var client = await app.SignedInClientAsync(analyst, password);

        using var list = await client.GetAsync("/api/alerts/receivers");
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        using var put = await client.PutAsJsonAsync("/api/alerts/routes", Array.Empty<object>());
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }
}

public sealed class RoutingOnSqliteTests(DashboardAppFactory app) : RoutingApiTests<DashboardAppFactory>(app);

public sealed class RoutingOnPostgresTests(PostgresAppFactory app) : RoutingApiTests<PostgresAppFactory>(app);
