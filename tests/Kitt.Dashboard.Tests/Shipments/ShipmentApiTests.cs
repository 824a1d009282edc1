using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Tests.Hosting;
using nietras.SeparatedValues;

namespace Kitt.Dashboard.Tests.Shipments;

/// <summary>The shipments API on each provider: posted, packed, listed, exported, and refused with named fields.</summary>
public abstract class ShipmentApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DashboardAppFactory
{
    private HttpClient Client => app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

    [Fact]
    public async Task A_posted_shipment_is_stored_packed_and_its_plan_places_every_box_inside_the_container()
    {
        var client = Client;
        var reference = SampleShipments.NewReference();
        using var response = await client.PostAsJsonAsync("/api/shipments", SampleShipments.Small(reference));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal($"/api/shipments/{id}", response.Headers.Location!.OriginalString);

        var plan = await SampleShipments.WaitForStatusAsync(client, id, "packed", "failed");
        Assert.Equal("packed", plan.GetProperty("status").GetString());
        var placements = plan.GetProperty("placements").EnumerateArray().ToList();
        Assert.Equal(12, placements.Count);
        Assert.Empty(plan.GetProperty("unplaced").EnumerateArray());
        Assert.InRange(plan.GetProperty("utilization").GetDouble(), 0.01, 1);
        foreach (var p in placements)
        {
            Assert.InRange(p.GetProperty("x").GetDouble() + p.GetProperty("length").GetDouble(), 0, 120.001);
            Assert.InRange(p.GetProperty("y").GetDouble() + p.GetProperty("width").GetDouble(), 0, 100.001);
            Assert.InRange(p.GetProperty("z").GetDouble() + p.GetProperty("height").GetDouble(), 0, 100.001);
            Assert.Equal(0, p.GetProperty("container").GetInt32());
            Assert.True(p.GetProperty("sequence").GetInt32() >= 1);
        }

        Assert.Equal(6, placements.Count(p => p.GetProperty("sku").GetString() == "PAL-A"));
        // "This side up" boxes keep their height vertical.
        Assert.All(placements.Where(p => p.GetProperty("sku").GetString() == "CRT-C"), p => Assert.Equal(30, p.GetProperty("height").GetDouble()));
        Assert.InRange(plan.GetProperty("risk").GetProperty("score").GetDouble(), 0, 100);

        var details = await client.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}");
        Assert.Equal(reference, details.GetProperty("reference").GetString());
        Assert.Equal("high", details.GetProperty("priority").GetString());
        Assert.Equal("packed", details.GetProperty("status").GetString());
        Assert.Equal(3, details.GetProperty("items").GetArrayLength());
        Assert.True(details.GetProperty("items")[1].GetProperty("fragile").GetBoolean());
        Assert.Equal(12, details.GetProperty("plan").GetProperty("placed").GetInt32());
        Assert.Equal("api-key:bootstrap", details.GetProperty("createdBy").GetString());

        var list = await client.GetFromJsonAsync<JsonElement>("/api/shipments");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), s => s.GetProperty("reference").GetString() == reference);
    }

    [Theory]
    [InlineData("items[0].length", -5)]
    [InlineData("items[1].quantity", 0)]
    [InlineData("container.height", 0)]
    public async Task Bad_values_get_400_problem_details_naming_the_field(string field, double value)
    {
        var shipment = SampleShipments.Small(SampleShipments.NewReference());
        var parts = field.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        JsonNode node = shipment;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        }

        node[parts[^1]] = value;
        using var response = await Client.PostAsJsonAsync("/api/shipments", shipment);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_reported_by_its_field()
    {
        var body = SampleShipments.Small(SampleShipments.NewReference()).ToJsonString().Replace("\"length\":40", "\"length\":\"forty\"", StringComparison.Ordinal);
        using var response = await Client.PostAsync("/api/shipments", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("items[0].length", out _), errors.ToString());
    }

    [Fact]
    public async Task Missing_fields_are_all_named_and_nothing_is_stored()
    {
        using var response = await Client.PostAsJsonAsync("/api/shipments", new { items = new[] { new { sku = "", length = 10, width = 10, height = 10 } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var fields = errors.EnumerateObject().Select(e => e.Name).ToHashSet();
        Assert.Superset(fields, new HashSet<string> { "reference", "origin", "destination", "container", "items[0].sku" });
    }

    [Fact]
    public async Task A_missing_item_is_named_by_its_index()
    {
        var shipment = SampleShipments.Small(SampleShipments.NewReference());
        shipment["items"]!.AsArray().Insert(1, null);
        using var response = await Client.PostAsJsonAsync("/api/shipments", shipment);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["items[1]"], errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_reference_is_used_once()
    {
        var reference = SampleShipments.NewReference();
        await SampleShipments.CreateAsync(Client, SampleShipments.Small(reference));
        using var again = await Client.PostAsJsonAsync("/api/shipments", SampleShipments.Small(reference));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reference", out _));
    }

    [Fact]
    public async Task Boxes_that_cannot_fit_are_reported_with_their_reason()
    {
        var shipment = SampleShipments.Small(SampleShipments.NewReference());
        shipment["items"]!.AsArray().Add(SampleShipments.Item("TOO-LONG", 300, 20, 20, 5, 2));
        var client = Client;
        var id = await SampleShipments.CreateAsync(client, shipment);

        var plan = await SampleShipments.WaitForStatusAsync(client, id, "packed");
        var unplaced = Assert.Single(plan.GetProperty("unplaced").EnumerateArray());
        Assert.Equal("TOO-LONG", unplaced.GetProperty("sku").GetString());
        Assert.Equal(2, unplaced.GetProperty("quantity").GetInt32());
        Assert.Contains("larger than every container", unplaced.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Floor_only_boxes_are_stored_as_such_and_stand_on_the_floor_with_others_on_them()
    {
        var shipment = SampleShipments.Small(SampleShipments.NewReference());
        var press = SampleShipments.Item("PRESS", 60, 50, 40, 200, 4, thisSideUp: true);
        press["floorOnly"] = true;
        shipment["items"] = new System.Text.Json.Nodes.JsonArray(press, SampleShipments.Item("CARTON", 60, 50, 30, 5, 8));
        var client = Client;
        var id = await SampleShipments.CreateAsync(client, shipment);

        var plan = await SampleShipments.WaitForStatusAsync(client, id, "packed");
        var placements = plan.GetProperty("placements").EnumerateArray().ToList();
        Assert.Equal(12, placements.Count);
        // Four presses cover the 120 × 100 floor: none may go up, so every carton stands on them.
        Assert.All(placements.Where(p => p.GetProperty("sku").GetString() == "PRESS"), p => Assert.Equal(0, p.GetProperty("z").GetDouble()));
        Assert.All(placements.Where(p => p.GetProperty("sku").GetString() == "CARTON"), p => Assert.True(p.GetProperty("z").GetDouble() >= 40));
        var items = (await client.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}")).GetProperty("items");
        Assert.Equal((true, false), (items[0].GetProperty("floorOnly").GetBoolean(), items[1].GetProperty("floorOnly").GetBoolean()));
    }

    [Fact]
    public async Task Plans_export_as_csv_in_load_order()
    {
        var client = Client;
        var id = await SampleShipments.CreateAsync(client, SampleShipments.Small(SampleShipments.NewReference()));
        await SampleShipments.WaitForStatusAsync(client, id, "packed");

        var csv = (await client.GetStringAsync($"/api/shipments/{id}/plan.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sequence,container,sku,x,y,z", csv[0]);
        Assert.Equal(13, csv.Length);
        Assert.Equal(Enumerable.Range(1, 12), csv.Skip(1).Select(l => int.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_sku_that_reads_as_a_formula_is_exported_as_text()
    {
        var client = Client;
        var shipment = SampleShipments.Small(SampleShipments.NewReference());
        shipment["items"] = new System.Text.Json.Nodes.JsonArray(SampleShipments.Item("=HYPERLINK(\"http://evil.example\",\"x\")", 40, 30, 20, 5, 1));
        var id = await SampleShipments.CreateAsync(client, shipment);
        await SampleShipments.WaitForStatusAsync(client, id, "packed");

        var csv = await client.GetStringAsync($"/api/shipments/{id}/plan.csv");
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromText(csv);
        Assert.True(reader.MoveNext());
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"x\")", reader.Current["sku"].ToString());
        Assert.Equal("1", reader.Current["sequence"].ToString());
    }

    [Fact]
    public async Task Unknown_shipments_are_404()
    {
        using var response = await Client.GetAsync("/api/shipments/987654321/plan");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Operators_may_not_send_shipments_but_dispatchers_may()
    {
        var (op, opPassword) = await app.CreateUserAsync(Roles.Operator);
        var operatorClient = await app.SignedInClientAsync(op, opPassword);
        using var refused = await operatorClient.PostAsJsonAsync("/api/shipments", SampleShipments.Small(SampleShipments.NewReference()));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var (dispatcher, password) = await app.CreateUserAsync(Roles.Dispatcher);
        var dispatcherClient = await app.SignedInClientAsync(dispatcher, password);
        var id = await SampleShipments.CreateAsync(dispatcherClient, SampleShipments.Small(SampleShipments.NewReference()));
        var details = await dispatcherClient.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}");
        Assert.Equal(dispatcher, details.GetProperty("createdBy").GetString());
    }
}

public sealed class ShipmentApiOnSqliteTests(DashboardAppFactory app) : ShipmentApiTests<DashboardAppFactory>(app);

public sealed class ShipmentApiOnPostgresTests(PostgresAppFactory app) : ShipmentApiTests<PostgresAppFactory>(app);
