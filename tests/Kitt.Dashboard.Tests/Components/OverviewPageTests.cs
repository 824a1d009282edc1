using Bunit;
using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.HostMetrics;
using Kitt.Dashboard.Overview;
using Kitt.Dashboard.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Components;

public sealed class OverviewPageTests : DashboardTestContext
{
    [Fact]
    public async Task Alerts_tile_counts_firing_alerts_from_the_store_and_follows_announcements()
    {
        var store = Services.GetRequiredService<AlertStore>();
        await store.SaveAsync([Transition("cpu:host", AlertState.Firing)], default);
        var cut = Render<OverviewPage>();
        cut.WaitForAssertion(() => Assert.Contains("1 firing", cut.Find("[data-testid=tile-alerts]").TextContent));

        foreach (var announced in await store.SaveAsync([Transition("cpu:host", AlertState.Resolved)], default))
        {
            Hub.Publish(AlertEvent.Topic, announced);
        }

        cut.WaitForAssertion(() => Assert.Contains("All clear", cut.Find("[data-testid=tile-alerts]").TextContent));
    }

    [Fact]
    public void Platform_tiles_count_unhealthy_containers_and_open_sessions()
    {
        var cut = Render<OverviewPage>();
        Hub.Publish(ContainersSnapshot.Topic, new Kitt.Dashboard.Containers.ContainersSnapshot(DateTimeOffset.UtcNow, "unix:///x",
            Kitt.Dashboard.Health.ComponentStatus.Running, null,
            [
                new("a", "router", "img", "running", "Up", DateTimeOffset.UtcNow, Health: "unhealthy"),
                new("b", "billing", "img", "running", "Up", DateTimeOffset.UtcNow, Health: "healthy"),
            ]));
        Hub.Publish(SessionEvent.Topic, new Kitt.Dashboard.Sessions.SessionEvent("c1", Kitt.Dashboard.Sessions.SessionChange.Opened, DateTimeOffset.UtcNow, 3));

        cut.WaitForAssertion(() => Assert.Contains("1 unhealthy", cut.Find("[data-testid=tile-containers]").TextContent));
        cut.WaitForAssertion(() => Assert.Contains("3 open", cut.Find("[data-testid=tile-sessions]").TextContent));
    }

    private static AlertTransition Transition(string key, AlertState state) => new(
        new AlertCondition(key.Split(':')[0], key.Split(':')[1], AlertSeverity.Warning, 90, 80, 75, TimeSpan.Zero, "Host CPU", "test"),
        state, DateTimeOffset.UtcNow, Notify: true);

    [Fact]
    public void Host_tiles_show_the_latest_sample()
    {
        var cut = Render<OverviewPage>();
        Assert.Contains("Taking the first host sample", cut.Markup);

        Hub.Publish(HostSample.Topic, Sample(cpu: 12.5));
        Hub.Publish(HostSample.Topic, Sample(cpu: 42.0));

        cut.WaitForAssertion(() => Assert.Contains("42.0 %", cut.Find("[data-testid=tile-cpu]").TextContent));
        Assert.Contains("2 cores", cut.Find("[data-testid=tile-cpu]").TextContent);
        Assert.Contains("50.0 %", cut.Find("[data-testid=tile-memory]").TextContent);
    }

    [Fact]
    public void Subscribes_only_to_the_topics_it_shows()
    {
        Render<OverviewPage>();

        // It shows a tile for each of them, so it subscribes to each once.
        Assert.All(["metrics", "containers", "sessions", "alerts", "packing"], topic => Assert.Equal(1, Subscriptions(topic)));
    }

    private static HostSample Sample(double cpu) =>
        new(DateTimeOffset.UtcNow, 2, cpu, 512L << 20, 1024L << 20, 0.5, 0.4, 0.3, "/data", 10L << 30, 100L << 30);
}
