using System.Net;
using System.Text.Json;
using Kitt.Dashboard.Tests.Hosting;

namespace Kitt.Dashboard.Tests.Health;

public sealed class HealthAndStatsTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task Health_reports_every_component_and_names_the_missing_docker_engine()
    {
        var client = app.CreateClient();
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("degraded", body.RootElement.GetProperty("status").GetString());
        var components = body.RootElement.GetProperty("components").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Equal("running", components["database"].GetProperty("state").GetString());
        Assert.Equal("running", components["event-bus"].GetProperty("state").GetString());
        Assert.Contains("host-metrics", components.Keys);

        await WaitForDockerVerdict(client);
        using var again = JsonDocument.Parse(await client.GetStringAsync("/health"));
        var docker = again.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "docker");
        Assert.Equal("unavailable", docker.GetProperty("state").GetString());
        Assert.Equal($"no Docker engine at {app.DockerEndpoint}", docker.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Stats_show_each_topic_with_its_counters()
    {
        var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        using var body = JsonDocument.Parse(await client.GetStringAsync("/stats"));

        var topics = body.RootElement.GetProperty("hub").GetProperty("topics").EnumerateArray()
            .Select(t => t.GetProperty("topic").GetString()).ToList();
        Assert.Equal(["alerts", "container-events", "containers", "metrics", "packing", "routes", "sessions"], topics);
        var first = body.RootElement.GetProperty("hub").GetProperty("topics")[0];
        foreach (var counter in new[] { "subscriptions", "published", "delivered", "dropped", "superseded" })
        {
            Assert.True(first.TryGetProperty(counter, out _), counter);
        }

        Assert.Equal(0, body.RootElement.GetProperty("circuits").GetProperty("open").GetInt32());
    }

    [Fact]
    public async Task Unknown_pages_answer_404_with_a_helpful_page_once_signed_in()
    {
        var client = await app.SignedInClientAsync("admin", DashboardAppFactory.AdminPassword);
        using var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This page does not exist", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Component_transitions_are_stored_for_later_tracing()
    {
        await WaitForDockerVerdict(app.CreateClient());
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Reason FROM component_events WHERE Component = 'docker' AND Status = 'Unavailable'";
        string? reason = null;
        for (var i = 0; i < 100 && reason is null; i++)
        {
            reason = (await command.ExecuteScalarAsync())?.ToString();
            await Task.Delay(reason is null ? 100 : 0);
        }

        Assert.Equal($"no Docker engine at {app.DockerEndpoint}", reason);
    }

    private static async Task WaitForDockerVerdict(HttpClient client)
    {
        for (var i = 0; i < 100; i++)
        {
            var text = await client.GetStringAsync("/health");
            if (text.Contains("no Docker engine", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }
    }
}
