using Kitt.Dashboard.Tests.Hosting;
using Kitt.Dashboard.Tests.Shipments;

namespace Kitt.Dashboard.Tests.Mcp;

/// <summary>With the packing worker off, a stored shipment stays queued: its damage risk is not known yet.</summary>
public sealed class McpUnpackedShipmentTests
{
    [Fact]
    public async Task The_damage_risk_of_a_shipment_not_packed_yet_is_a_clear_tool_error()
    {
        await using var app = new ConfiguredAppFactory(new Dictionary<string, string> { ["Features:PackingWorker"] = "false" });
        var id = await SampleShipments.CreateAsync(app.CreateKeyClient(DashboardAppFactory.BootstrapKey), SampleShipments.Small(SampleShipments.NewReference()));
        await using var client = await McpSession.ConnectAsync(app, DashboardAppFactory.BootstrapKey);

        var shipment = await client.CallForJsonAsync("get_shipment_data", new { shipment_id = id });
        Assert.Equal("queued", shipment.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, shipment.GetProperty("plan").ValueKind);

        var error = await client.CallForErrorAsync("predict_damage_risk", new { shipment_id = id });
        Assert.EndsWith($"Invalid argument 'shipment_id': shipment {id} is queued, not packed yet; its damage risk is known once it is packed", error);
    }
}
