using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kitt.Dashboard.Tests.Hosting;

namespace Kitt.Dashboard.Tests.Shipments;

/// <summary>Shipments over several containers, on each provider: as few as the boxes need, each one's load reported.</summary>
public abstract class MultiContainerApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DashboardAppFactory
{
    private HttpClient Client => app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

    /// <summary>50 × 40 × 50 cm crates: 2 × 2 × 2 = 8 fill a 100 × 80 × 100 container exactly.</summary>
    private static JsonObject Crates(int count, JsonArray containers)
    {
        var shipment = SampleShipments.Small(SampleShipments.NewReference());
        shipment.Remove("container");
        shipment["containers"] = containers;
        shipment["items"] = new JsonArray(SampleShipments.Item("CRATE", 50, 40, 50, 20, count));
        return shipment;
    }

    private static JsonObject Kind(double length, double width, double height, int? count = null, double? payload = null)
    {
        var kind = new JsonObject { ["length"] = length, ["width"] = width, ["height"] = height, ["maxPayloadKg"] = payload };
        if (count is not null)
        {
            kind["count"] = count;
        }

        return kind;
    }

    [Fact]
    public async Task Containers_without_a_count_are_used_as_few_as_the_boxes_need_and_each_reports_its_load()
    {
        // 20 crates: 8 + 8 + 4, so three containers and no more.
        var id = await SampleShipments.CreateAsync(Client, Crates(20, [Kind(100, 80, 100)]));
        var plan = await SampleShipments.WaitForStatusAsync(Client, id, "packed", "failed");

        Assert.Equal("packed", plan.GetProperty("status").GetString());
        var placements = plan.GetProperty("placements").EnumerateArray().ToList();
        Assert.Equal(20, placements.Count);
        var containers = plan.GetProperty("containers").EnumerateArray().ToList();
        Assert.Equal(3, containers.Count);
        Assert.Equal([0, 1, 2], containers.Select(c => c.GetProperty("index").GetInt32()));
        Assert.Equal(20, containers.Sum(c => c.GetProperty("boxes").GetInt32()));
        foreach (var c in containers)
        {
            var index = c.GetProperty("index").GetInt32();
            var inside = placements.Where(p => p.GetProperty("container").GetInt32() == index).ToList();
            Assert.Equal(inside.Count, c.GetProperty("boxes").GetInt32());
            Assert.Equal(inside.Count * 20, c.GetProperty("weightKg").GetDouble(), 3);
            Assert.Equal(inside.Count / 8.0, c.GetProperty("utilization").GetDouble(), 6);
            var centre = c.GetProperty("centreOfGravity");
            Assert.Equal(inside.Average(p => p.GetProperty("x").GetDouble() + 25), centre.GetProperty("x").GetDouble(), 0);
            Assert.Equal(100, c.GetProperty("length").GetDouble());
        }

        var details = await Client.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}");
        Assert.Equal(3, details.GetProperty("plan").GetProperty("containersUsed").GetInt32());
        var kind = Assert.Single(details.GetProperty("containers").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, kind.GetProperty("count").ValueKind);
    }

    [Fact]
    public async Task Kinds_are_filled_in_order_up_to_their_count_and_what_none_holds_is_left_out()
    {
        // One small container (8 crates), then at most two large ones (16 each): 30 crates, 8 + 16 + 6.
        var id = await SampleShipments.CreateAsync(Client, Crates(30, [Kind(100, 80, 100, count: 1), Kind(200, 80, 100, count: 2)]));
        var plan = await SampleShipments.WaitForStatusAsync(Client, id, "packed", "failed");
        var containers = plan.GetProperty("containers").EnumerateArray().ToList();
        Assert.Equal([0, 1, 1], containers.Select(c => c.GetProperty("kind").GetInt32()));
        Assert.Equal(30, plan.GetProperty("placements").GetArrayLength());

        // The same kinds with more crates than all three hold: the rest is left out, and said why.
        var full = await SampleShipments.CreateAsync(Client, Crates(45, [Kind(100, 80, 100, count: 1), Kind(200, 80, 100, count: 2)]));
        var overflow = await SampleShipments.WaitForStatusAsync(Client, full, "packed", "failed");
        Assert.Equal(40, overflow.GetProperty("placements").GetArrayLength());
        var left = Assert.Single(overflow.GetProperty("unplaced").EnumerateArray());
        Assert.Equal(5, left.GetProperty("quantity").GetInt32());
        Assert.Equal(3, overflow.GetProperty("containers").GetArrayLength());
    }

    [Fact]
    public async Task Bad_container_lists_are_refused_naming_the_field_and_nothing_is_stored()
    {
        async Task<IReadOnlyCollection<string>> RefusedAsync(JsonObject shipment)
        {
            using var response = await Client.PostAsJsonAsync("/api/shipments", shipment);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return [.. body.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
        }

        Assert.Contains("containers[1].length", await RefusedAsync(Crates(4, [Kind(100, 80, 100), Kind(-5, 80, 100)])));
        Assert.Contains("containers[0].count", await RefusedAsync(Crates(4, [Kind(100, 80, 100, count: 0)])));
        Assert.Contains("containers[0].count", await RefusedAsync(Crates(4, [Kind(100, 80, 100, count: 1000)])));
        var both = Crates(4, [Kind(100, 80, 100)]);
        both["container"] = Kind(100, 80, 100);
        Assert.Contains("containers", await RefusedAsync(both));
        var unknown = Crates(4, [new JsonObject { ["type"] = "SHOEBOX" }]);
        Assert.Contains("containers[0].type", await RefusedAsync(unknown));
    }

    [Fact]
    public async Task Equipment_codes_in_the_list_fill_each_kind_s_sizes()
    {
        var shipment = Crates(4, [new JsonObject { ["type"] = "20DV", ["count"] = 1 }, new JsonObject { ["type"] = "40hc" }]);
        var id = await SampleShipments.CreateAsync(Client, shipment);
        var details = await Client.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}");
        var kinds = details.GetProperty("containers").EnumerateArray().ToList();
        Assert.Equal(["20DV", "40HC"], kinds.Select(k => k.GetProperty("type").GetString()));
        Assert.All(kinds, k => Assert.True(k.GetProperty("length").GetDouble() > 500));
        Assert.Equal("20DV", details.GetProperty("container").GetProperty("type").GetString());
    }
}

public sealed class MultiContainerApiOnSqliteTests(DashboardAppFactory app) : MultiContainerApiTests<DashboardAppFactory>(app);

public sealed class MultiContainerApiOnPostgresTests(PostgresAppFactory app) : MultiContainerApiTests<PostgresAppFactory>(app);
