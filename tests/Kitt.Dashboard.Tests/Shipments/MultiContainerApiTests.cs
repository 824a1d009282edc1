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

    /// <summary>Four 500 kg crates of 100 × 240 × 240 cm in a 1000 cm container on axle groups under both ends.</summary>
    private static JsonObject OnAxles(double frontLimit, double rearLimit, JsonObject? balance = null)
    {
        var kind = Kind(1000, 240, 240);
        kind["axles"] = new JsonArray(new JsonObject { ["positionCm"] = 0, ["maxLoadKg"] = frontLimit }, new JsonObject { ["positionCm"] = 1000, ["maxLoadKg"] = rearLimit });
        if (balance is not null)
        {
            kind["balance"] = balance;
        }

        var shipment = Crates(4, [kind]);
        shipment["items"] = new JsonArray(SampleShipments.Item("CRATE", 100, 240, 240, 500, 4, thisSideUp: true));
        return shipment;
    }

    [Fact]
    public async Task A_load_is_placed_where_no_axle_group_is_over_its_limit_and_one_that_cannot_be_says_why()
    {
        var id = await SampleShipments.CreateAsync(Client, OnAxles(frontLimit: 1000, rearLimit: 3000));
        var plan = await SampleShipments.WaitForStatusAsync(Client, id, "packed", "failed");
        var load = Assert.Single(plan.GetProperty("containers").EnumerateArray());
        Assert.Empty(load.GetProperty("balanceProblems").EnumerateArray());
        Assert.Equal([1000.0, 1000.0], load.GetProperty("axleLoads").EnumerateArray().Select(a => a.GetProperty("loadKg").GetDouble()));
        Assert.Equal(500, load.GetProperty("centreOfGravity").GetProperty("x").GetDouble(), 1);
        Assert.DoesNotContain(plan.GetProperty("risk").GetProperty("factors").EnumerateArray(), f => f.GetProperty("name").GetString()!.StartsWith("Weight distribution", StringComparison.Ordinal));

        // 2000 kg on groups that take 500 kg each: packed, and the plan and its risk say why it cannot be right.
        var over = await SampleShipments.CreateAsync(Client, OnAxles(frontLimit: 500, rearLimit: 500));
        var overloaded = await SampleShipments.WaitForStatusAsync(Client, over, "packed", "failed");
        var problems = Assert.Single(overloaded.GetProperty("containers").EnumerateArray()).GetProperty("balanceProblems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.Contains("over its 500 kg", StringComparison.Ordinal));
        var factor = Assert.Single(overloaded.GetProperty("risk").GetProperty("factors").EnumerateArray(), f => f.GetProperty("name").GetString() == "Weight distribution outside its limits");
        Assert.Contains("over its 500 kg", factor.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Bad_balance_windows_and_axles_are_refused_naming_the_field()
    {
        async Task<IReadOnlyCollection<string>> RefusedAsync(JsonObject shipment)
        {
            using var response = await Client.PostAsJsonAsync("/api/shipments", shipment);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)];
        }

        Assert.Contains("containers[0].balance.lengthwisePercent", await RefusedAsync(OnAxles(1000, 3000, new JsonObject { ["lengthwisePercent"] = 80 })));
        Assert.Contains("containers[0].axles[1].maxLoadKg", await RefusedAsync(OnAxles(1000, -1)));
        var three = OnAxles(1000, 3000);
        three["containers"]![0]!["axles"]!.AsArray().Add(new JsonObject { ["positionCm"] = 500, ["maxLoadKg"] = 10 });
        Assert.Contains("containers[0].axles", await RefusedAsync(three));
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
