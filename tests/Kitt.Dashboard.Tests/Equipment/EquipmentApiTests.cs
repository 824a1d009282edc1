using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Dashboard.Tests.Shipments;

namespace Kitt.Dashboard.Tests.Equipment;

/// <summary>
/// The equipment library on each provider: shipments name a container by its code, Admins add their own units,
/// and every problem names its field.
/// </summary>
public abstract class EquipmentApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DashboardAppFactory
{
    private HttpClient Admin => app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

    [Fact]
    public async Task A_shipment_naming_a_standard_type_is_stored_with_its_sizes_and_packed_inside_them()
    {
        var shipment = SampleShipments.Small(SampleShipments.NewReference());
        shipment["container"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "40hc" }; // codes are read in any case
        var id = await SampleShipments.CreateAsync(Admin, shipment);

        var details = await Admin.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}");
        var container = details.GetProperty("container");
        Assert.Equal(("40HC", 1203, 235, 269, 26_500),
            (container.GetProperty("type").GetString(), container.GetProperty("length").GetDouble(), container.GetProperty("width").GetDouble(),
             container.GetProperty("height").GetDouble(), container.GetProperty("maxPayloadKg").GetDouble()));
        var plan = await SampleShipments.WaitForStatusAsync(Admin, id, "packed", "failed");
        Assert.Equal("packed", plan.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_iso_code_names_the_same_equipment_and_a_lower_payload_is_kept()
    {
        var shipment = SampleShipments.Small(SampleShipments.NewReference());
        shipment["container"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "22G1", ["maxPayloadKg"] = 18_000 };
        var id = await SampleShipments.CreateAsync(Admin, shipment);

        var container = (await Admin.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}")).GetProperty("container");
        Assert.Equal("20DV", container.GetProperty("type").GetString());
        Assert.Equal(589, container.GetProperty("length").GetDouble());
        Assert.Equal(18_000, container.GetProperty("maxPayloadKg").GetDouble());
    }

    [Theory]
    [InlineData("""{"type":"50FT"}""", "container.type", "'50FT' is no known equipment; known: 20DV, 40DV")]
    [InlineData("""{"type":"40HC","height":239}""", "container.height", "40HC is 269 cm inside")]
    [InlineData("""{"type":"40HC","maxPayloadKg":30000}""", "container.maxPayloadKg", "at most 26,500 kg for 40HC")]
    public async Task A_type_that_is_unknown_or_contradicted_is_named_and_nothing_is_stored(string container, string field, string message)
    {
        var reference = SampleShipments.NewReference();
        var shipment = SampleShipments.Small(reference);
        shipment["container"] = System.Text.Json.Nodes.JsonNode.Parse(container);
        using var response = await Admin.PostAsJsonAsync("/api/shipments", shipment);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains(message, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        var list = await Admin.GetFromJsonAsync<JsonElement>("/api/shipments");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), s => s.GetProperty("reference").GetString() == reference);
    }

    [Fact]
    public async Task An_admin_adds_a_unit_dispatchers_ship_in_and_then_edits_and_removes_it()
    {
        var code = "VAN-" + Guid.NewGuid().ToString("N")[..6];
        using (var added = await Admin.PutAsJsonAsync($"/api/equipment/{code}", new { name = "Sprinter van", length = 430, width = 175, height = 190, maxPayloadKg = 1_200 }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            Assert.Equal(code.ToUpperInvariant(), (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        var (dispatcher, password) = await app.CreateUserAsync(Roles.Dispatcher);
        var dispatch = await app.SignedInClientAsync(dispatcher, password);
        var library = await dispatch.GetFromJsonAsync<JsonElement>("/api/equipment");
        var van = Assert.Single(library.EnumerateArray(), e => e.GetProperty("code").GetString() == code.ToUpperInvariant());
        Assert.False(van.GetProperty("standard").GetBoolean());
        Assert.Equal(8, library.EnumerateArray().Count(e => e.GetProperty("standard").GetBoolean()));

        var shipment = SampleShipments.Small(SampleShipments.NewReference());
        shipment["container"] = new System.Text.Json.Nodes.JsonObject { ["type"] = code.ToLowerInvariant() };
        var id = await SampleShipments.CreateAsync(dispatch, shipment);

        // Dispatchers read the library; only Admins change it.
        using (var refused = await dispatch.PutAsJsonAsync($"/api/equipment/{code}", new { name = "Mine", length = 1, width = 1, height = 1, maxPayloadKg = 1 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var edited = await Admin.PutAsJsonAsync($"/api/equipment/{code}", new { name = "Sprinter van, long", length = 480, width = 175, height = 190, maxPayloadKg = 1_100 }))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        Assert.Equal(480, (await Admin.GetFromJsonAsync<JsonElement>($"/api/equipment/{code}")).GetProperty("length").GetDouble());
        using (var removed = await Admin.DeleteAsync($"/api/equipment/{code}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        using (var gone = await Admin.GetAsync($"/api/equipment/{code}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        // The shipment keeps the sizes it was stored with.
        var container = (await Admin.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}")).GetProperty("container");
        Assert.Equal((430, 1_200), (container.GetProperty("length").GetDouble(), container.GetProperty("maxPayloadKg").GetDouble()));
    }

    [Fact]
    public async Task Bad_equipment_is_refused_naming_every_field_and_standard_codes_stay_standard()
    {
        using (var bad = await Admin.PutAsJsonAsync("/api/equipment/VAN.1", new { name = " ", length = 0, width = 175, height = 5_000, maxPayloadKg = -1 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Equal(["height", "length", "maxPayloadKg", "name"], errors.EnumerateObject().Select(e => e.Name).Order());
        }

        using (var taken = await Admin.PutAsJsonAsync("/api/equipment/45g1", new { name = "Mine", length = 100, width = 100, height = 100, maxPayloadKg = 100 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
            Assert.Contains("names the standard 40 ft high cube", (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("code")[0].GetString());
        }

        using (var wrongType = await Admin.PutAsync("/api/equipment/VAN2", new StringContent("""{"name":"Van","length":"long"}""", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
            Assert.True((await wrongType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("length", out _));
        }

        using var standard = await Admin.DeleteAsync("/api/equipment/40HC");
        Assert.Equal(HttpStatusCode.Conflict, standard.StatusCode);
        Assert.Equal(269, (await Admin.GetFromJsonAsync<JsonElement>("/api/equipment/40hc")).GetProperty("height").GetDouble());
    }
}

public sealed class EquipmentApiOnSqliteTests(DashboardAppFactory app) : EquipmentApiTests<DashboardAppFactory>(app);

public sealed class EquipmentApiOnPostgresTests(PostgresAppFactory app) : EquipmentApiTests<PostgresAppFactory>(app);
