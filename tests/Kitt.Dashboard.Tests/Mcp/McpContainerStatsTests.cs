using System.Text.Json;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Testing;

namespace Kitt.Dashboard.Tests.Mcp;

/// <summary><c>get_container_stats</c> on the real app, watching a real engine.</summary>
public sealed class McpContainerStatsTests(DockerEngine engine) : IClassFixture<DockerEngine>
{
    [Fact]
    public async Task Reports_a_running_containers_cpu_memory_and_network_by_name()
    {
        var name = "mcp-" + Guid.NewGuid().ToString("N")[..6];
        await engine.DockerAsync("run", "-d", "--network", "none", "--name", name, DockerEngine.Image, "sleep", "300");
        await using var app = new ConfiguredAppFactory(new Dictionary<string, string> { ["Docker:Endpoint"] = engine.Endpoint });
        await using var client = await McpSession.ConnectAsync(app, DashboardAppFactory.BootstrapKey);

        JsonElement? row = null;
        for (var i = 0; i < 100 && row is null; i++)
        {
            var result = await client.CallAsync("get_container_stats", new { name });
            if (result.IsError != true)
            {
                // Until the first poll finishes the engine is not known to be available and the list is empty.
                using var stats = JsonDocument.Parse(McpSession.Text(result));
                row = stats.RootElement.GetProperty("items").EnumerateArray()
                    .Where(r => r.GetProperty("cpu_percent").ValueKind == JsonValueKind.Number)
                    .Select(r => (JsonElement?)r.Clone())
                    .SingleOrDefault();
                Assert.True(row is null || stats.RootElement.GetProperty("available").GetBoolean());
            }

            await Task.Delay(row is null ? 200 : 0);
        }

        Assert.NotNull(row);
        Assert.Equal(name, row.Value.GetProperty("name").GetString());
        Assert.Equal("running", row.Value.GetProperty("state").GetString());
        Assert.True(row.Value.GetProperty("memory_bytes").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Number, row.Value.GetProperty("net_rx_bytes").ValueKind);

        var all = await client.CallForJsonAsync("get_container_stats");
        Assert.Contains(all.GetProperty("items").EnumerateArray(), r => r.GetProperty("name").GetString() == name);
        var missing = await client.CallForErrorAsync("get_container_stats", new { name = "no-such-" + name });
        Assert.Contains("'name'", missing);
        await engine.DockerAsync("rm", "-f", name);
    }
}
