using Kitt.Testing;
using System.Net;
using System.Text.Json;
using Kitt.Dashboard.Tests.Hosting;

namespace Kitt.Dashboard.Tests.Containers;

/// <summary><c>GET /api/containers</c> on the real app, watching a real engine.</summary>
public sealed class ContainersApiTests(DockerEngine engine) : IClassFixture<DockerEngine>
{
    [Fact]
    public async Task Lists_the_engines_containers_as_camel_case_rows()
    {
        var name = "api-" + Guid.NewGuid().ToString("N")[..6];
        await engine.DockerAsync("run", "-d", "--network", "none", "--name", name, DockerEngine.Image, "sleep", "300");
        await using var app = new EngineAppFactory(engine.Endpoint);
        var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

        JsonElement? found = null;
        for (var i = 0; i < 100 && found is null; i++)
        {
            using var body = JsonDocument.Parse(await client.GetStringAsync("/api/containers"));
            found = body.RootElement.GetProperty("items").EnumerateArray()
                .Where(r => r.GetProperty("name").GetString() == name && r.GetProperty("cpuPercent").ValueKind == JsonValueKind.Number)
                .Select(r => (JsonElement?)r.Clone())
                .FirstOrDefault();
            await Task.Delay(found is null ? 200 : 0);
        }

        Assert.NotNull(found);
        var row = found.Value;
        foreach (var field in new[] { "id", "name", "image", "state", "health", "restartCount", "cpuPercent", "memoryBytes", "memoryLimitBytes", "netRxBytes", "netTxBytes", "blockReadBytes", "blockWriteBytes", "pids" })
        {
            Assert.True(row.TryGetProperty(field, out _), $"row lacks {field}");
        }

        Assert.Equal("running", row.GetProperty("state").GetString());
        Assert.True(row.GetProperty("memoryBytes").GetInt64() > 0);

        var id = row.GetProperty("id").GetString();
        using (var history = JsonDocument.Parse(await client.GetStringAsync($"/api/containers/{id}/history?minutes=5")))
        {
            var samples = history.RootElement.GetProperty("samples");
            Assert.True(samples.GetArrayLength() >= 1);
            Assert.True(samples[0].GetProperty("memoryBytes").GetInt64() > 0);
        }

        using var unknown = await client.GetAsync("/api/containers/no-such-container/history");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var badRange = await client.GetAsync($"/api/containers/{id}/history?minutes=0");
        Assert.Equal(HttpStatusCode.BadRequest, badRange.StatusCode);
        Assert.Contains("minutes", await badRange.Content.ReadAsStringAsync());
        await engine.DockerAsync("rm", "-f", name);
    }

    [Fact]
    public async Task Says_why_the_list_is_empty_when_the_engine_is_missing()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

        JsonElement source = default;
        for (var i = 0; i < 100; i++)
        {
            using var body = JsonDocument.Parse(await client.GetStringAsync("/api/containers"));
            source = body.RootElement.GetProperty("source").Clone();
            if (source.GetProperty("status").GetString() == "unavailable")
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal($"no Docker engine at {app.DockerEndpoint}", source.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Refuses_roles_that_do_not_operate()
    {
        await using var app = new DashboardAppFactory();
        var keys = (Kitt.Dashboard.Security.ApiKeyService)app.Services.GetService(typeof(Kitt.Dashboard.Security.ApiKeyService))!;
        var analyst = await keys.CreateAsync("analyst", Kitt.Dashboard.Security.Roles.Analyst, "test");
        using var response = await app.CreateKeyClient(analyst.Key).GetAsync("/api/containers");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
