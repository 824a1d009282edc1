using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Dashboard.Tests.Shipments;

namespace Kitt.Dashboard.Tests.Items;

/// <summary>
/// The item library on each provider: Dispatchers save, import and export SKUs; a shipment line that gives only a SKU
/// and a quantity takes the rest from it; every problem names its field and a bad import saves nothing.
/// </summary>
public abstract class ItemLibraryApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DashboardAppFactory
{
    private HttpClient Client => app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

    private static string NewSku(string stem) => $"{stem}-{Guid.NewGuid().ToString("N")[..8]}".ToUpperInvariant();

    private async Task PutAsync(string sku, object item)
    {
        using var response = await Client.PutAsJsonAsync($"/api/items/{sku}", item);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{sku}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task A_line_with_a_known_sku_and_a_quantity_takes_its_sizes_weight_and_handling_from_the_library()
    {
        var sku = NewSku("crate");
        await PutAsync(sku, new { length = 60, width = 40, height = 35, weightKg = 18.5, fragile = true, maxLoadKg = 40, floorOnly = true });
        var shipment = SampleShipments.Small(SampleShipments.NewReference());
        // In lower case, with its own weight: the SKU is found in any case, and what the line gives stands.
        shipment["items"] = new JsonArray(
            new JsonObject { ["sku"] = sku.ToLowerInvariant(), ["quantity"] = 3 },
            new JsonObject { ["sku"] = sku, ["quantity"] = 1, ["weightKg"] = 20 },
            SampleShipments.Item("TYPED-IN-FULL", 20, 20, 20, 3, 2));

        var id = await SampleShipments.CreateAsync(Client, shipment);

        var items = (await Client.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}")).GetProperty("items");
        Assert.Equal((sku, 60, 40, 35, 18.5, 3, true, 40),
            (items[0].GetProperty("sku").GetString(), items[0].GetProperty("length").GetDouble(), items[0].GetProperty("width").GetDouble(),
             items[0].GetProperty("height").GetDouble(), items[0].GetProperty("weightKg").GetDouble(), items[0].GetProperty("quantity").GetInt32(),
             items[0].GetProperty("fragile").GetBoolean(), items[0].GetProperty("maxLoadKg").GetDouble()));
        Assert.Equal(20, items[1].GetProperty("weightKg").GetDouble());
        Assert.True(items[0].GetProperty("floorOnly").GetBoolean());
        Assert.False(items[2].GetProperty("floorOnly").GetBoolean());
        Assert.Equal(20, items[2].GetProperty("length").GetDouble());
        Assert.Equal("packed", (await SampleShipments.WaitForStatusAsync(Client, id, "packed", "failed")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_line_with_an_unknown_sku_and_no_sizes_is_named_and_nothing_is_stored()
    {
        var reference = SampleShipments.NewReference();
        var shipment = SampleShipments.Small(reference);
        ((JsonArray)shipment["items"]!).Add(new JsonObject { ["sku"] = "NOT-IN-LIBRARY", ["quantity"] = 2 });

        using var response = await Client.PostAsJsonAsync("/api/shipments", shipment);

        var errors = await ErrorsAsync(response);
        Assert.Contains("'NOT-IN-LIBRARY' is not in the item library", errors.GetProperty("items[3].length")[0].GetString());
        var list = await Client.GetFromJsonAsync<JsonElement>("/api/shipments");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), s => s.GetProperty("reference").GetString() == reference);
    }

    [Fact]
    public async Task Saving_names_every_bad_field_and_a_bad_body_by_its_field()
    {
        using var bad = await Client.PutAsJsonAsync("/api/items/BAD-1", new { length = 0, width = -2, height = 10, weightKg = -1, maxLoadKg = -5 });
        var errors = await ErrorsAsync(bad);
        Assert.Equal(["length", "maxLoadKg", "weightKg", "width"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        using var wrongType = await Client.PutAsync("/api/items/BAD-2", new StringContent("""{"length":"long"}""", Encoding.UTF8, "application/json"));
        Assert.True((await ErrorsAsync(wrongType)).TryGetProperty("length", out _));
        using var missing = await Client.GetAsync("/api/items/BAD-1");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_import_adds_and_updates_all_or_saves_nothing_and_the_export_imports_back()
    {
        var (a, b, c) = (NewSku("imp-a"), NewSku("imp-b"), NewSku("imp-c"));
        await PutAsync(a, new { length = 10, width = 10, height = 10, weightKg = 1 });
        var csv = $"sku,length,width,height,weightKg,thisSideUp,fragile\n{a},11,12,13,2,yes,no\n{b},30,20,10,4,no,yes\n";

        using var imported = await Client.PostAsync("/api/items/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var counts = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1), (counts.GetProperty("added").GetInt32(), counts.GetProperty("updated").GetInt32()));
        var updated = await Client.GetFromJsonAsync<JsonElement>($"/api/items/{a.ToLowerInvariant()}");
        Assert.Equal((11, true), (updated.GetProperty("length").GetDouble(), updated.GetProperty("thisSideUp").GetBoolean()));

        // One bad row: its row and column are named, and the good row beside it is not saved either.
        using var bad = await Client.PostAsync("/api/items/import", new StringContent($"sku,length,width,height\n{c},10,10,10\n{a},10,wide,10\n", Encoding.UTF8, "text/csv"));
        Assert.Contains("row 3, column width", (await ErrorsAsync(bad)).GetProperty("items")[0].GetString());
        using var notSaved = await Client.GetAsync($"/api/items/{c}");
        Assert.Equal(HttpStatusCode.NotFound, notSaved.StatusCode);

        // The export is in the import's columns: it reads back as the same SKUs.
        var export = await Client.GetStringAsync("/api/items.csv");
        Assert.StartsWith("sku,length,width,height,weightKg,thisSideUp,fragile,maxLoadKg,floorOnly\n", export, StringComparison.Ordinal);
        using var again = await Client.PostAsync("/api/items/import", new StringContent(export, Encoding.UTF8, "text/csv"));
        var total = (await Client.GetFromJsonAsync<JsonElement>("/api/items")).GetArrayLength();
        var reimported = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, total), (reimported.GetProperty("added").GetInt32(), reimported.GetProperty("updated").GetInt32()));
        using var workbook = await Client.GetAsync("/api/items.xlsx");
        using var fromWorkbook = await Client.PostAsync("/api/items/import", new ByteArrayContent(await workbook.Content.ReadAsByteArrayAsync()));
        Assert.Equal(total, (await fromWorkbook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updated").GetInt32());
    }

    [Fact]
    public async Task A_dispatcher_edits_the_library_and_removing_a_sku_keeps_the_shipments_that_used_it()
    {
        var (dispatcher, password) = await app.CreateUserAsync(Roles.Dispatcher);
        var dispatch = await app.SignedInClientAsync(dispatcher, password);
        var sku = NewSku("gone");
        using (var created = await dispatch.PutAsJsonAsync($"/api/items/{sku}", new { length = 25, width = 25, height = 25, weightKg = 5 }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var shipment = SampleShipments.Small(SampleShipments.NewReference());
        shipment["items"] = new JsonArray(new JsonObject { ["sku"] = sku, ["quantity"] = 2 });
        var id = await SampleShipments.CreateAsync(Client, shipment);

        using var removed = await dispatch.DeleteAsync($"/api/items/{sku}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        using var again = await dispatch.DeleteAsync($"/api/items/{sku}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var items = (await Client.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}")).GetProperty("items");
        Assert.Equal(25, items[0].GetProperty("length").GetDouble());
        var (analyst, analystPassword) = await app.CreateUserAsync(Roles.Analyst);
        using var refused = await (await app.SignedInClientAsync(analyst, analystPassword)).GetAsync("/api/items");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

public sealed class ItemLibraryOnSqliteTests(DashboardAppFactory app) : ItemLibraryApiTests<DashboardAppFactory>(app);

public sealed class ItemLibraryOnPostgresTests(PostgresAppFactory app) : ItemLibraryApiTests<PostgresAppFactory>(app);
