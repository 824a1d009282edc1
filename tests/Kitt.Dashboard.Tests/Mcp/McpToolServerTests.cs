using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Dashboard.Tests.Shipments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;

namespace Kitt.Dashboard.Tests.Mcp;

/// <summary>The tool server at <c>/mcp</c> of the real app, driven by the MCP package's own client.</summary>
public sealed class McpToolServerTests(McpAppFactory app) : IClassFixture<McpAppFactory>
{
    private static readonly string[] ToolNames =
    [
        "get_shipment_data", "optimize_packing", "get_route_conditions", "predict_damage_risk", "publish_event", "list_alerts", "get_container_stats",
    ];

    [Fact]
    public async Task Lists_every_tool_with_an_input_schema_of_its_arguments()
    {
        await using var client = await McpSession.ConnectAsync(app, DashboardAppFactory.BootstrapKey);
        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name);

        Assert.Equal(ToolNames.Order(), tools.Keys.Order());
        Assert.All(tools.Values, t => Assert.False(string.IsNullOrWhiteSpace(t.Description), t.Name));
        Assert.Equal(["shipment_id"], Properties(tools["get_shipment_data"].JsonSchema));
        Assert.Equal(["shipment_id"], Required(tools["get_shipment_data"].JsonSchema));
        Assert.Equal(["container", "containers", "items"], Properties(tools["optimize_packing"].JsonSchema));
        Assert.Equal(["items"], Required(tools["optimize_packing"].JsonSchema));
        Assert.Equal(["delay_minutes", "message", "route", "severity", "type"], Properties(tools["publish_event"].JsonSchema));
        Assert.Equal(["from", "q", "severity", "source", "state", "take", "to", "type"], Properties(tools["list_alerts"].JsonSchema));
        Assert.Equal(["route"], Properties(tools["get_route_conditions"].JsonSchema));
        Assert.Equal(["name"], Properties(tools["get_container_stats"].JsonSchema));
        var item = tools["optimize_packing"].JsonSchema.GetProperty("properties").GetProperty("items").GetProperty("items");
        Assert.Contains("weight_kg", Properties(item));
    }

    [Fact]
    public async Task A_packed_shipment_is_read_with_its_plan_summary_and_damage_risk()
    {
        var rest = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        var reference = SampleShipments.NewReference();
        var id = await SampleShipments.CreateAsync(rest, SampleShipments.Small(reference));
        var plan = await SampleShipments.WaitForStatusAsync(rest, id, "packed", "failed");
        Assert.Equal("packed", plan.GetProperty("status").GetString());
        await using var client = await McpSession.ConnectAsync(app, DashboardAppFactory.BootstrapKey);

        var shipment = await client.CallForJsonAsync("get_shipment_data", new { shipment_id = id });
        Assert.Equal(id, shipment.GetProperty("id").GetInt64());
        Assert.Equal(reference, shipment.GetProperty("reference").GetString());
        Assert.Equal("packed", shipment.GetProperty("status").GetString());
        Assert.Equal(3, shipment.GetProperty("items").GetArrayLength());
        var summary = shipment.GetProperty("plan");
        Assert.Equal(12, summary.GetProperty("placed").GetInt32());
        Assert.Equal(0, summary.GetProperty("unplaced").GetInt32());
        Assert.Equal(1, summary.GetProperty("containers_used").GetInt32());
        Assert.Equal(plan.GetProperty("utilization").GetDouble(), summary.GetProperty("utilization").GetDouble(), 9);

        var risk = await client.CallForJsonAsync("predict_damage_risk", new { shipment_id = id });
        var stored = plan.GetProperty("risk");
        Assert.Equal(stored.GetProperty("score").GetDouble(), risk.GetProperty("score").GetDouble());
        Assert.Equal(stored.GetProperty("level").GetString(), risk.GetProperty("level").GetString());
        Assert.Equal(stored.GetProperty("factors").GetArrayLength(), risk.GetProperty("factors").GetArrayLength());
        // A high-priority shipment always carries the priority factor.
        Assert.Contains(risk.GetProperty("factors").EnumerateArray(), f => f.GetProperty("name").GetString() == "Priority");
    }

    [Fact]
    public async Task Optimize_packing_packs_at_once_and_says_why_boxes_are_left_out()
    {
        await using var client = await McpSession.ConnectAsync(app, DashboardAppFactory.BootstrapKey);
        var preview = await client.CallForJsonAsync("optimize_packing", new
        {
            container = new { length = 120, width = 100, height = 100, max_payload_kg = 1000 },
            items = new object[]
            {
                new { sku = "PAL-A", length = 40, width = 30, height = 30, weight_kg = 12, quantity = 6 },
                new { sku = "CRT-C", length = 50, width = 40, height = 30, weight_kg = 25, quantity = 2, this_side_up = true },
                new { length = 500, width = 50, height = 50, weight_kg = 5 }, // no sku: named after its line
            },
        });

        Assert.Equal(9, preview.GetProperty("boxes").GetInt32());
        Assert.Equal(8, preview.GetProperty("placed").GetInt32());
        Assert.Equal(1, preview.GetProperty("unplaced_boxes").GetInt32());
        Assert.Equal(1, preview.GetProperty("containers_used").GetInt32());
        Assert.InRange(preview.GetProperty("utilization").GetDouble(), 0.01, 1);
        var unplaced = Assert.Single(preview.GetProperty("unplaced").EnumerateArray());
        Assert.Equal("item-3", unplaced.GetProperty("sku").GetString());
        Assert.Equal(2, unplaced.GetProperty("line").GetInt32());
        Assert.Contains("larger than", unplaced.GetProperty("reason").GetString());
        var placements = preview.GetProperty("placements").EnumerateArray().ToList();
        Assert.Equal(8, placements.Count);
        Assert.All(placements, p =>
        {
            Assert.InRange(p.GetProperty("x").GetDouble() + p.GetProperty("length").GetDouble(), 0, 120.001);
            Assert.InRange(p.GetProperty("y").GetDouble() + p.GetProperty("width").GetDouble(), 0, 100.001);
            Assert.InRange(p.GetProperty("z").GetDouble() + p.GetProperty("height").GetDouble(), 0, 100.001);
        });
        Assert.All(placements.Where(p => p.GetProperty("sku").GetString() == "CRT-C"), p => Assert.Equal(30, p.GetProperty("height").GetDouble()));
    }

    [Fact]
    public async Task A_published_route_event_shows_in_the_route_conditions()
    {
        await using var client = await McpSession.ConnectAsync(app, DashboardAppFactory.BootstrapKey);
        var route = "A7 Kassel-Fulda " + Guid.NewGuid().ToString("N")[..6];

        var published = await client.CallForJsonAsync("publish_event", new
        {
            type = "weather_alert", route, severity = "warning", message = "Black ice between exits 82 and 90", delay_minutes = 25,
        });
        var id = published.GetProperty("id").GetString();
        Assert.False(string.IsNullOrEmpty(id));

        JsonElement condition = default;
        for (var i = 0; i < 100; i++)
        {
            var result = await client.CallAsync("get_route_conditions", new { route = route.ToUpperInvariant() });
            if (result.IsError != true)
            {
                condition = JsonDocument.Parse(McpSession.Text(result)).RootElement.GetProperty("routes")[0].Clone();
                break;
            }

            await Task.Delay(50);
        }

        Assert.Equal(JsonValueKind.Object, condition.ValueKind);
        Assert.Equal(route, condition.GetProperty("route").GetString());
        Assert.Equal("warning", condition.GetProperty("severity").GetString());
        Assert.Equal(25, condition.GetProperty("delay_minutes").GetDouble());
        var latest = Assert.Single(condition.GetProperty("latest").EnumerateArray());
        Assert.Equal(id, latest.GetProperty("id").GetString());
        Assert.Equal("weather_alert", latest.GetProperty("type").GetString());

        var all = await client.CallForJsonAsync("get_route_conditions");
        Assert.Contains(all.GetProperty("routes").EnumerateArray(), r => r.GetProperty("route").GetString() == route);

        // Written to the outbox too, so other instances and Kafka consumers hear of it.
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<KittDbContext>>().CreateDbContextAsync();
        var stored = await db.Outbox.Where(o => o.Key == route).Select(o => new { o.Topic, o.Envelope }).SingleAsync();
        Assert.Equal("weather.alerts", stored.Topic);
        Assert.Contains(id!, stored.Envelope);
    }

    [Fact]
    public async Task List_alerts_filters_as_the_alerts_api_does()
    {
        var rest = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        await using var client = await McpSession.ConnectAsync(app, DashboardAppFactory.BootstrapKey);

        JsonElement alerts = default;
        for (var i = 0; i < 150; i++)
        {
            alerts = await client.CallForJsonAsync("list_alerts", new { type = "memory", source = "host", state = "firing", take = 10 });
            if (alerts.GetProperty("total").GetInt32() > 0)
            {
                break;
            }

            await Task.Delay(100);
        }

        var alert = Assert.Single(alerts.GetProperty("items").EnumerateArray());
        Assert.Equal(1, alerts.GetProperty("total").GetInt32());
        Assert.Equal("memory", alert.GetProperty("type").GetString());
        Assert.Equal("firing", alert.GetProperty("state").GetString());
        var api = await rest.GetFromJsonAsync<JsonElement>("/api/alerts?type=memory&source=host");
        Assert.Equal(api.GetProperty("items")[0].GetProperty("id").GetInt64(), alert.GetProperty("id").GetInt64());

        var none = await client.CallForJsonAsync("list_alerts", new { type = "memory", severity = "info" });
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Empty(none.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Container_stats_say_when_the_engine_is_unavailable()
    {
        await using var client = await McpSession.ConnectAsync(app, DashboardAppFactory.BootstrapKey);
        JsonElement stats = default;
        for (var i = 0; i < 100; i++)
        {
            stats = await client.CallForJsonAsync("get_container_stats");
            if (stats.GetProperty("source").GetProperty("status").GetString() == "unavailable")
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.False(stats.GetProperty("available").GetBoolean());
        Assert.Equal(0, stats.GetProperty("count").GetInt32());
        Assert.Equal($"The Docker engine is unavailable: no Docker engine at {app.DockerEndpoint}.", stats.GetProperty("note").GetString());

        var error = await client.CallForErrorAsync("get_container_stats", new { name = "web" });
        Assert.Contains("'name'", error);
        Assert.Contains("unavailable", error);
    }

    [Fact]
    public async Task Optimize_packing_fills_the_kinds_given_in_order_and_reports_each_container()
    {
        await using var client = await McpSession.ConnectAsync(app, DashboardAppFactory.BootstrapKey);
        var preview = await client.CallForJsonAsync("optimize_packing", new
        {
            containers = new object[] { new { length = 100, width = 80, height = 100, count = 1 }, new { length = 200, width = 80, height = 100 } },
            items = new object[] { new { sku = "CRATE", length = 50, width = 40, height = 50, weight_kg = 20, quantity = 30 } },
        });

        Assert.Equal(30, preview.GetProperty("placed").GetInt32());
        Assert.Equal(3, preview.GetProperty("containers_used").GetInt32());
        var containers = preview.GetProperty("containers").EnumerateArray().ToList();
        Assert.Equal([0, 1, 1], containers.Select(c => c.GetProperty("kind").GetInt32()));
        Assert.Equal([8, 16, 6], containers.Select(c => c.GetProperty("boxes").GetInt32()));
        var placements = preview.GetProperty("placements").EnumerateArray().ToList();
        Assert.Equal(6, placements.Count(p => p.GetProperty("container").GetInt32() == 2));

        var refused = await client.CallForErrorAsync("optimize_packing", new
        {
            container = new { type = "20DV" },
            containers = new object[] { new { type = "40HC" } },
            items = new object[] { new { sku = "CRATE", length = 50, width = 40, height = 50 } },
        });
        Assert.Contains("containers", refused);
    }

    [Fact]
    public async Task Optimize_packing_takes_a_container_by_its_equipment_code()
    {
        await using var client = await McpSession.ConnectAsync(app, DashboardAppFactory.BootstrapKey);
        var preview = await client.CallForJsonAsync("optimize_packing", new
        {
            container = new { type = "20DV" },
            items = new object[] { new { sku = "LONG", length = 585, width = 50, height = 50, weight_kg = 40 }, new { sku = "TOO-LONG", length = 595, width = 50, height = 50, weight_kg = 40 } },
        });

        var container = preview.GetProperty("container");
        Assert.Equal(("20DV", 589), (container.GetProperty("type").GetString(), container.GetProperty("length").GetDouble()));
        Assert.Equal(1, preview.GetProperty("placed").GetInt32());
        Assert.Equal("TOO-LONG", Assert.Single(preview.GetProperty("unplaced").EnumerateArray()).GetProperty("sku").GetString());
    }

    [Theory]
    [InlineData("get_shipment_data", """{"shipment_id":0}""", "'shipment_id'")]
    [InlineData("get_shipment_data", """{"shipment_id":987654321}""", "'shipment_id'")]
    [InlineData("get_shipment_data", """{"shipment_id":"seven"}""", "shipment_id")]
    [InlineData("get_shipment_data", """{}""", "shipment_id")]
    [InlineData("predict_damage_risk", """{"shipment_id":-3}""", "'shipment_id'")]
    [InlineData("optimize_packing", """{"items":[{"sku":"A","length":-5,"width":10,"height":10}]}""", "'items[0].length'")]
    [InlineData("optimize_packing", """{"items":[{"sku":"A","length":10,"width":10,"height":10,"weight_kg":1}],"container":{"length":100,"width":100,"height":0}}""", "'container.height'")]
    [InlineData("optimize_packing", """{"items":[{"sku":"A","length":10,"width":10,"height":10,"quantity":5001}]}""", "'items'")]
    [InlineData("optimize_packing", """{"items":[]}""", "'items'")]
    [InlineData("optimize_packing", """{"items":[{"sku":"A","length":10,"width":10,"height":10,"weight_kg":1}],"container":{"type":"SHOEBOX"}}""", "'container.type'")]
    [InlineData("optimize_packing", """{"items":[{"sku":"A","length":"ten","width":10,"height":10}]}""", "items")]
    [InlineData("publish_event", """{"type":"earthquake","route":"A1","severity":"info","message":"m"}""", "'type'")]
    [InlineData("publish_event", """{"type":"route_update","route":" ","severity":"info","message":"m"}""", "'route'")]
    [InlineData("publish_event", """{"type":"route_update","route":"A1","severity":"loud","message":"m"}""", "'severity'")]
    [InlineData("publish_event", """{"type":"route_update","route":"A1","severity":"info","message":""}""", "'message'")]
    [InlineData("publish_event", """{"type":"route_update","route":"A1","severity":"info","message":"m","delay_minutes":-1}""", "'delay_minutes'")]
    [InlineData("list_alerts", """{"severity":"loud"}""", "'severity'")]
    [InlineData("list_alerts", """{"state":"asleep"}""", "'state'")]
    [InlineData("list_alerts", """{"from":"yesterday"}""", "'from'")]
    [InlineData("list_alerts", """{"take":5000}""", "'take'")]
    [InlineData("get_route_conditions", """{"route":"No such road"}""", "'route'")]
    public async Task A_bad_argument_is_a_tool_error_naming_it_and_the_session_goes_on(string tool, string arguments, string named)
    {
        await using var client = await McpSession.ConnectAsync(app, DashboardAppFactory.BootstrapKey);

        var error = await client.CallForErrorAsync(tool, JsonSerializer.Deserialize<JsonElement>(arguments));

        Assert.Contains(named, error);
        var routes = await client.CallForJsonAsync("get_route_conditions");
        Assert.True(routes.GetProperty("count").GetInt32() >= 0);
    }

    [Fact]
    public async Task Tools_are_limited_to_the_keys_role()
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var analyst = await keys.CreateAsync("mcp-analyst", Roles.Analyst, "test");
        await using var client = await McpSession.ConnectAsync(app, analyst.Key);

        var names = (await client.ListToolsAsync()).Select(t => t.Name).Order().ToList();
        Assert.Equal(["get_route_conditions", "list_alerts"], names);
        var refused = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.CallAsync("publish_event", new { type = "route_update", route = "A1", severity = "info", message = "m" }));
        Assert.Contains("requires authorization", refused.Message);
        Assert.Equal(0, (await client.CallForJsonAsync("list_alerts", new { q = "zebra" })).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("kitt_not-a-real-key")]
    public async Task A_missing_or_wrong_key_gets_401(string? key)
    {
        var client = key is null ? app.CreateBrowserlikeClient() : app.CreateKeyClient(key);
        using var response = await McpSession.PostInitializeAsync(client);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(ApiKeyService.Header, response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_signed_in_browser_without_a_key_gets_401()
    {
        var browser = await app.SignedInClientAsync("admin", DashboardAppFactory.AdminPassword);
        using var response = await McpSession.PostInitializeAsync(browser);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static List<string> Properties(JsonElement schema) =>
        [.. schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order()];

    private static List<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!).Order()] : [];
}
