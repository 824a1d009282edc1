using Kitt.Dashboard.Tests.Hosting;

namespace Kitt.Dashboard.Tests.Telemetry;

/// <summary>
/// A real Prometheus scrapes a real dashboard process with the bootstrap key (Admin) as its bearer token. A process of
/// its own: meters are process-wide, and the test host runs many dashboards side by side.
/// </summary>
public sealed class PrometheusScrapeTests
{
    [Fact]
    public async Task Prometheus_scrapes_the_dashboard_and_holds_its_series()
    {
        await using var app = await DashboardProcess.StartAsync();
        await using var prometheus = PrometheusServer.Scraping(app.Address, DashboardAppFactory.BootstrapKey);

        // Several scrapes: up is 1 from the first, counters need two samples to have a rate.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while ((await prometheus.QueryAsync("count_over_time(up{job=\"kitt\"}[1m]) >= 3 and up{job=\"kitt\"} == 1")).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Prometheus never scraped the dashboard 3 times: " + await prometheus.TargetsAsync());
            await Task.Delay(500);
        }

        var up = Assert.Single(await prometheus.QueryAsync("up{job=\"kitt\"}"));
        Assert.Equal("1", up.Value);
        var names = await prometheus.NamesAsync();
        Assert.Contains("kitt_hub_published_total", names);
        Assert.Contains("kitt_circuits_open", names);
        Assert.Contains("kitt_packing_jobs_queued", names);
        Assert.Contains("kitt_outbox_waiting", names);
        Assert.Contains("kitt_docker_available", names);
        Assert.Contains(names, n => n.StartsWith("http_server_request_duration_seconds", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("dotnet_", StringComparison.Ordinal));

        // A series by topic, read back through PromQL as an operator's dashboard would.
        var topics = (await prometheus.QueryAsync("kitt_hub_published_total")).Select(s => s.Labels["topic"]).ToHashSet();
        Assert.Contains("alerts", topics);
        Assert.Contains("containers", topics);
    }
}
