using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Dashboard.Tests.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Security;

/// <summary>What a security probe of the running app found, each reproduced here on a real socket or request.</summary>
public sealed partial class SecurityProbeTests(SocketAppFactory app) : IClassFixture<SocketAppFactory>
{
    [Fact]
    public async Task A_key_whose_role_may_not_publish_cannot_broadcast_on_notifications()
    {
        var analyst = await CreateKeyAsync("Analyst");
        await using var listener = await KittClient.ConnectListedAsync(app, "/ws/notifications", "probe-listener-1");
        await using var sender = await KittClient.ConnectAsync(app, "/ws/notifications", "probe-analyst", key: analyst);

        foreach (var type in new[] { "notification", "weather_alert", "traffic_update" })
        {
            await sender.SendAsync(KittClient.Envelope(type, Payload(type), "probe-" + type));
            var refused = await sender.ReceiveAsync("error");
            Assert.Equal("forbidden", refused.GetProperty("payload").GetProperty("code").GetString());
            Assert.Equal("probe-" + type, refused.GetProperty("correlation_id").GetString());
        }

        // error is the server's to send, whoever tries.
        await sender.SendAsync(KittClient.Envelope("error", new JsonObject { ["code"] = "internal", ["message"] = "fake" }, "probe-error"));
        Assert.Equal("type_not_accepted", (await sender.ReceiveAsync("error")).GetProperty("payload").GetProperty("code").GetString());

        // Nothing reached the listener: the next thing it hears is the answer to its own heartbeat.
        await listener.SendAsync(KittClient.Envelope("heartbeat", null, "after"));
        var next = await listener.ReceiveAsync();
        Assert.Equal("heartbeat", next.GetProperty("type").GetString());
        Assert.Equal("after", next.GetProperty("correlation_id").GetString());
    }

    [Fact]
    public async Task A_publishers_notification_is_marked_as_its_own_and_may_not_take_the_dashboards_ids()
    {
        var dispatcher = await CreateKeyAsync("Dispatcher");
        await using var listener = await KittClient.ConnectListedAsync(app, "/ws/notifications", "probe-listener-2");
        await using var sender = await KittClient.ConnectAsync(app, "/ws/notifications", "probe-dispatcher", key: dispatcher);

        await sender.SendAsync(KittClient.Envelope("notification", Payload("notification"), "alert-999"));
        var reserved = await sender.ReceiveAsync("error");
        Assert.Equal("correlation_id", reserved.GetProperty("payload").GetProperty("field").GetString());

        await sender.SendAsync(KittClient.Envelope("notification", Payload("notification"), "probe-posing"));
        var heard = await listener.ReceiveAsync("notification");
        Assert.Equal("probe-posing", heard.GetProperty("correlation_id").GetString());
        Assert.Equal("client:probe-dispatcher (dashboard:cpu:host)", heard.GetProperty("payload").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Only_the_same_key_may_take_over_a_client_id()
    {
        var analyst = await CreateKeyAsync("Analyst");
        await using var admin = await KittClient.ConnectListedAsync(app, "/ws/notifications", "probe-shared-id");

        await using var intruder = await KittClient.ConnectAsync(app, "/ws/notifications", "probe-shared-id", key: analyst);
        Assert.Contains("another API key", await intruder.ReceiveCloseAsync());
        await KittSocketErrorTests.AssertStillAnswers(admin);

        // The same key takes over, as a reconnecting client does.
        await using var again = await KittClient.ConnectListedAsync(app, "/ws/notifications", "probe-shared-id");
        Assert.Contains("replaced", await admin.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("/api/shipments")]
    [InlineData("/mcp")]
    public async Task A_chunked_body_over_the_limit_gets_413_problem_details(string path)
    {
        using var http = app.KeyClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ChunkedContent(1024 * 1024 + 4096) };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(413, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/favicon.svg")]
    [InlineData("/js/preferences.js")]
    [InlineData("/css/app.css")]
    public async Task Site_files_carry_the_security_headers(string path)
    {
        using var http = new HttpClient { BaseAddress = app.HttpAddress };
        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/api/alerts?sort=5", "sort")]
    [InlineData("/api/alerts?sort=Severity,Source", "sort")]
    [InlineData("/api/alerts?severity=2", "severity")]
    [InlineData("/api/alerts?take=abc", "take")]
    [InlineData("/api/containers/abc/history?minutes=abc", "minutes")]
    [InlineData("/api/sessions/events?take=abc", "take")]
    [InlineData("/api/shipments?take=-5", "take")]
    [InlineData("/api/shipments?take=abc", "take")]
    public async Task A_bad_query_value_is_a_problem_naming_the_parameter(string path, string parameter)
    {
        using var http = app.KeyClient();
        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), problem.RootElement.ToString());
    }

    [Fact]
    public async Task The_timeline_of_an_alert_that_does_not_exist_is_404()
    {
        using var http = app.KeyClient();
        using var response = await http.GetAsync("/api/alerts/987654321/timeline");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_cookie_replayed_after_sign_out_opens_nothing()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.HttpAddress };
        using (var signIn = await DashboardAppFactory.PostSignInAsync(browser, "admin", DashboardAppFactory.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var session = cookies.GetCookies(browser.BaseAddress!)["kitt.auth"]?.Value ?? throw new Xunit.Sdk.XunitException("no sign-in cookie");
        using var replay = new HttpClient { BaseAddress = browser.BaseAddress };
        replay.DefaultRequestHeaders.Add("Cookie", "kitt.auth=" + session);
        using (var before = await replay.GetAsync("/stats"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // Sign out as the page does: the form's antiforgery token with the browser's cookies.
        var page = await browser.GetStringAsync("/account/change-password"); // a signed-in form, with its token
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using (var signOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        Assert.Null(cookies.GetCookies(browser.BaseAddress!)["kitt.auth"]);

        using var after = await replay.GetAsync("/stats");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private static JsonObject Payload(string type) => type switch
    {
        "notification" => new JsonObject { ["title"] = "CPU high", ["message"] = "host at 99 %", ["severity"] = "critical", ["source"] = "dashboard:cpu:host" },
        "weather_alert" => new JsonObject { ["region"] = "Alps", ["condition"] = "storm", ["severity"] = "critical" },
        _ => new JsonObject { ["road"] = "A1", ["congestion"] = "standstill" },
    };

    private async Task<string> CreateKeyAsync(string role)
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        return (await keys.CreateAsync("probe-" + role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..6], role, "admin")).Key;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>A body sent without a length, in chunks, as a streaming client sends it.</summary>
    private sealed class ChunkedContent(int bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 8192));
            for (var sent = 0; sent < bytes; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
