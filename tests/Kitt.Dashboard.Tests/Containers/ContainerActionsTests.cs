using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Containers;

/// <summary>Start, stop and restart through the API on a real engine, each one in the audit log.</summary>
public sealed class ContainerActionsTests(DockerEngine engine) : IClassFixture<DockerEngine>
{
    [Fact]
    public async Task An_operator_key_stops_starts_and_restarts_and_the_audit_log_says_who_did_what()
    {
        var name = "acted-" + Guid.NewGuid().ToString("N")[..6];
        var id = await engine.DockerAsync("run", "-d", "--network", "none", "--name", name, DockerEngine.Image, "sleep", "600");
        await using var app = new EngineAppFactory(engine.Endpoint);
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var ops = app.CreateKeyClient((await keys.CreateAsync("ops", Roles.Operator, "test")).Key);
        var admin = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

        Assert.Equal("done", await ActAsync(ops, name, "stop"));
        Assert.Equal("false", await engine.DockerAsync("inspect", "--format", "{{.State.Running}}", id));
        Assert.Equal("unchanged", await ActAsync(ops, name, "stop"));
        Assert.Equal("done", await ActAsync(ops, name, "start"));
        var startedBefore = await engine.DockerAsync("inspect", "--format", "{{.State.StartedAt}}", id);
        Assert.Equal("done", await ActAsync(ops, id[..12], "restart"));
        Assert.NotEqual(startedBefore, await engine.DockerAsync("inspect", "--format", "{{.State.StartedAt}}", id));
        Assert.Equal("true", await engine.DockerAsync("inspect", "--format", "{{.State.Running}}", id));

        using var missing = await ops.PostAsync("/api/containers/no-such-container/restart", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var audit = (await admin.GetFromJsonAsync<JsonElement>("/api/containers/audit?take=10")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["restart", "restart", "start", "stop", "stop"], audit.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(["not-found", "done", "done", "unchanged", "done"], audit.Select(e => e.GetProperty("result").GetString()));
        Assert.All(audit, e => Assert.Equal("api-key:ops", e.GetProperty("user").GetString()));
        Assert.All(audit.Skip(1), e => Assert.Equal(name, e.GetProperty("containerName").GetString()));
        Assert.All(audit.Skip(1), e => Assert.Equal(id, e.GetProperty("containerId").GetString()));

        // The log is the Admins'; an Operator acts but does not read it.
        Assert.Equal(HttpStatusCode.Forbidden, (await ops.GetAsync("/api/containers/audit")).StatusCode);
        var dispatcher = app.CreateKeyClient((await keys.CreateAsync("dispatch", Roles.Dispatcher, "test")).Key);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsync($"/api/containers/{id}/stop", null)).StatusCode);
        Assert.Equal("true", await engine.DockerAsync("inspect", "--format", "{{.State.Running}}", id));
    }

    [Fact]
    public async Task A_read_only_dashboard_refuses_every_action_and_audits_nothing()
    {
        var id = await engine.DockerAsync("run", "-d", "--network", "none", DockerEngine.Image, "sleep", "600");
        await using var app = new EngineAppFactory(engine.Endpoint, new Dictionary<string, string> { ["Docker:AllowActions"] = "false" });
        var admin = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

        using var refused = await admin.PostAsync($"/api/containers/{id}/stop", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Docker:AllowActions", await refused.Content.ReadAsStringAsync());
        Assert.Equal("true", await engine.DockerAsync("inspect", "--format", "{{.State.Running}}", id));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/containers/audit")).GetProperty("items").EnumerateArray());
    }

    private static async Task<string> ActAsync(HttpClient client, string container, string action)
    {
        using var response = await client.PostAsync($"/api/containers/{container}/{action}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString()!;
    }
}
