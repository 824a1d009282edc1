using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kitt.Dashboard.Tests.Shipments;

/// <summary>Shipment bodies as scripts send them, and waiting for the worker through the public API.</summary>
public static class SampleShipments
{
    public static string NewReference() => "SHP-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>Three lines, 12 boxes, that fit easily into one 120 × 100 × 100 container.</summary>
    public static JsonObject Small(string reference) => new()
    {
        ["reference"] = reference,
        ["origin"] = "Rotterdam",
        ["destination"] = "Basel",
        ["priority"] = "high",
        ["container"] = new JsonObject { ["length"] = 120, ["width"] = 100, ["height"] = 100, ["maxPayloadKg"] = 1000 },
        ["items"] = new JsonArray(
            Item("PAL-A", 40, 30, 30, 12, 6),
            Item("BOX-B", 20, 20, 20, 3, 4, fragile: true),
            Item("CRT-C", 50, 40, 30, 25, 2, thisSideUp: true, stop: 1)),
    };

    /// <summary>Far more boxes than the container holds, so the engine searches for its whole time budget.</summary>
    public static JsonObject Overflowing(string reference)
    {
        var shipment = Small(reference);
        shipment["container"] = new JsonObject { ["length"] = 100, ["width"] = 80, ["height"] = 70 };
        shipment["items"] = new JsonArray(
            Item("ODD-A", 17, 23, 29, 2, 120),
            Item("ODD-B", 31, 13, 19, 3, 120),
            Item("ODD-C", 11, 37, 21, 1, 120));
        return shipment;
    }

    public static JsonObject Item(string sku, double length, double width, double height, double weightKg, int quantity,
        bool thisSideUp = false, bool fragile = false, int? stop = null) => new()
    {
        ["sku"] = sku,
        ["length"] = length,
        ["width"] = width,
        ["height"] = height,
        ["weightKg"] = weightKg,
        ["quantity"] = quantity,
        ["thisSideUp"] = thisSideUp,
        ["fragile"] = fragile,
        ["stop"] = stop,
    };

    public static async Task<long> CreateAsync(HttpClient client, JsonObject shipment)
    {
        using var response = await client.PostAsJsonAsync("/api/shipments", shipment);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>Polls the plan until its status is one of <paramref name="statuses"/>.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, long id, params string[] statuses)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        JsonElement plan;
        do
        {
            plan = await client.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}/plan");
            if (statuses.Contains(plan.GetProperty("status").GetString()))
            {
                return plan;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < until);
        throw new Xunit.Sdk.XunitException($"shipment {id} stayed {plan.GetProperty("status")}, expected {string.Join(" or ", statuses)}");
    }
}
