using Bunit;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;

namespace Kitt.Dashboard.Tests.Components;

public sealed class ContainersPageTests : DashboardTestContext
{
    private const string Endpoint = "unix:///var/run/docker.sock";

    [Fact]
    public void Says_which_engine_is_missing_instead_of_showing_an_empty_grid()
    {
        var cut = Render<ContainersPage>();
        Hub.Publish(ContainersSnapshot.Topic, new ContainersSnapshot(
            DateTimeOffset.UtcNow, Endpoint, ComponentStatus.Unavailable, $"no Docker engine at {Endpoint}", []));

        cut.WaitForAssertion(() => Assert.Contains($"No Docker engine at {Endpoint}", cut.Find("[data-testid=empty-state]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=containers-table]"));
    }

    [Fact]
    public void Lists_containers_as_they_arrive()
    {
        var cut = Render<ContainersPage>();
        Hub.Publish(ContainersSnapshot.Topic, new ContainersSnapshot(
            DateTimeOffset.UtcNow,
            Endpoint,
            ComponentStatus.Running,
            null,
            [
                new ContainerRow("a1", "router", "kitt/router:1", "running", "Up 5 minutes", DateTimeOffset.UtcNow),
                new ContainerRow("b2", "packer", "kitt/packer:1", "exited", "Exited (1) 2 minutes ago", DateTimeOffset.UtcNow, ExitCode: 1),
            ]));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".kitt-row-link").Count));
        Assert.Contains("router", cut.Markup);
        Assert.Contains("exited (1)", cut.Markup);
    }

    [Fact]
    public void Grid_keeps_its_sort_and_selection_across_updates()
    {
        var cut = Render<ContainersPage>();
        Hub.Publish(ContainersSnapshot.Topic, Poll(("a1", "router", 10), ("b2", "packer", 50), ("c3", "tracker", 30)));
        cut.WaitForAssertion(() => Assert.Equal(["router", "packer", "tracker"], Names(cut)));

        // Sort by CPU twice (descending), then open the packer's details.
        var cpuHeader = cut.FindAll("th").Single(th => th.TextContent.Contains("CPU", StringComparison.Ordinal));
        cpuHeader.QuerySelector(".sortable-column-header")!.Click();
        cut.WaitForAssertion(() => Assert.Equal(["router", "tracker", "packer"], Names(cut)));
        cut.FindAll("th").Single(th => th.TextContent.Contains("CPU", StringComparison.Ordinal)).QuerySelector(".sortable-column-header")!.Click();
        cut.WaitForAssertion(() => Assert.Equal(["packer", "tracker", "router"], Names(cut)));
        cut.FindAll(".kitt-row-link").Single(b => b.TextContent == "packer").Click();
        cut.WaitForAssertion(() => Assert.Contains("packer", cut.Find("[data-testid=container-detail] h2").TextContent));

        // New figures reorder the rows under the same sort; the packer stays selected and its drawer open.
        Hub.Publish(ContainersSnapshot.Topic, Poll(("a1", "router", 70), ("b2", "packer", 5), ("c3", "tracker", 30)));

        cut.WaitForAssertion(() => Assert.Equal(["router", "tracker", "packer"], Names(cut)));
        var selectedRows = cut.FindAll("tr.kitt-row-selected");
        Assert.Equal("packer", Assert.Single(selectedRows).QuerySelector(".kitt-row-link")!.TextContent);
        Assert.Contains("packer", cut.Find("[data-testid=container-detail] h2").TextContent);
        Assert.Contains("5.0 %", selectedRows[0].TextContent);
    }

    [Fact]
    public void Paused_grid_holds_its_figures_until_resumed()
    {
        var cut = Render<ContainersPage>();
        Hub.Publish(ContainersSnapshot.Topic, Poll(("a1", "router", 10)));
        cut.WaitForAssertion(() => Assert.Equal("10.0 %", cut.Find("[data-testid=cpu]").TextContent));

        cut.Find("[data-testid=pause]").Click();
        Hub.Publish(ContainersSnapshot.Topic, Poll(("a1", "router", 42)));
        cut.WaitForAssertion(() => Assert.Contains("1 update waiting", cut.Find("[data-testid=live-status]").TextContent));
        Assert.Equal("10.0 %", cut.Find("[data-testid=cpu]").TextContent);

        cut.Find("[data-testid=pause]").Click();
        cut.WaitForAssertion(() => Assert.Equal("42.0 %", cut.Find("[data-testid=cpu]").TextContent));
    }

    [Fact]
    public void Filters_by_name_and_state()
    {
        var cut = Render<ContainersPage>();
        Hub.Publish(ContainersSnapshot.Topic, new ContainersSnapshot(DateTimeOffset.UtcNow, Endpoint, ComponentStatus.Running, null,
        [
            Row("a1", "router", 1),
            Row("b2", "packer", 1) with { State = "exited", Usage = null },
            Row("c3", "route-planner", 1),
        ]));
        cut.WaitForAssertion(() => Assert.Equal(3, Names(cut).Count));

        cut.Find(".kitt-toolbar-search input").Input("route");
        cut.WaitForAssertion(() => Assert.Equal(["route-planner", "router"], Names(cut)));
        Assert.Contains("2 of 3", cut.Find("[data-testid=live-status]").TextContent);
    }

    private static ContainersSnapshot Poll(params (string Id, string Name, double Cpu)[] rows) =>
        new(DateTimeOffset.UtcNow, Endpoint, ComponentStatus.Running, null, [.. rows.Select(r => Row(r.Id, r.Name, r.Cpu))]);

    private static ContainerRow Row(string id, string name, double cpu) =>
        new(id, name, "kitt/" + name + ":1", "running", "Up 5 minutes", DateTimeOffset.UtcNow,
            Usage: new ContainerUsage(cpu, 64 << 20, 512 << 20, 1000, 2000, 0, 0, 3));

    private static List<string> Names(IRenderedComponent<ContainersPage> cut) =>
        [.. cut.FindAll(".kitt-row-link").Select(b => b.TextContent)];

    [Fact]
    public void Says_so_when_the_feature_flag_is_off()
    {
        Realtime.ContainerStats = false;
        var cut = Render<ContainersPage>();
        Assert.Contains("Features:ContainerStats", cut.Markup);
    }

    [Fact]
    public async Task Leaving_the_page_releases_its_subscription()
    {
        Render<ContainersPage>();
        Assert.Equal(1, Subscriptions("containers"));

        await DisposeComponentsAsync();

        Assert.Equal(0, Subscriptions("containers"));
    }
}
