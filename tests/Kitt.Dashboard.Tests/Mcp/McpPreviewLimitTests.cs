using Kitt.Dashboard.Shipments;
using Kitt.Dashboard.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Mcp;

/// <summary>
/// Previews packed inside a call share a bounded pool: while it is full, a call waits briefly and is then refused
/// with a reason, instead of piling searches onto the machine (20 parallel calls of 5,000 boxes once made /health take 4.5 s).
/// </summary>
public sealed class McpPreviewLimitTests
{
    [Fact]
    public async Task A_preview_beyond_the_pool_is_refused_as_busy_and_goes_through_once_a_slot_is_free()
    {
        await using var app = new ConfiguredAppFactory(new Dictionary<string, string>
        {
            ["Packing:MaxPreviews"] = "1",
            ["Packing:PreviewWaitSeconds"] = "0.2",
            ["Security:ApiPer10Seconds"] = "10000",
        });
        await using var client = await McpSession.ConnectAsync(app, DashboardAppFactory.BootstrapKey);
        var previews = app.Services.GetRequiredService<PackingPreviews>();
        var arguments = new { items = new object[] { new { sku = "BOX", length = 40, width = 30, height = 20, weight_kg = 5, quantity = 3 } } };

        using (var held = await previews.EnterAsync(CancellationToken.None))
        {
            Assert.NotNull(held); // the pool's one slot, as a long preview in flight would hold it
            var refused = await client.CallForErrorAsync("optimize_packing", arguments);
            Assert.Contains("Busy: 1 packing previews are running", refused, StringComparison.Ordinal);

            using var health = app.CreateClient();
            Assert.True((await health.GetAsync("/health")).IsSuccessStatusCode);
        }

        var packed = await client.CallForJsonAsync("optimize_packing", arguments);
        Assert.Equal(3, packed.GetProperty("placed").GetInt32());
    }
}
