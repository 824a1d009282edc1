using Bunit;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Realtime;
using ContainersPage = Kitt.Dashboard.Components.Pages.Containers;

namespace Kitt.Dashboard.Tests.Components;

public sealed class ContainersPageTests : DashboardTestContext
{
    private const string Endpoint = "unix:///var/run/docker.sock";

    [Fact]
    public void Says_which_engine_is_missing_instead_of_showing_an_empty_grid()
    {
        var cut = Render<ContainersPage>();
        Hub.Publish(Topics.Containers, new ContainersSnapshot(
            DateTimeOffset.UtcNow, Endpoint, ComponentStatus.Unavailable, $"no Docker engine at {Endpoint}", []));

        cut.WaitForAssertion(() => Assert.Contains($"No Docker engine at {Endpoint}", cut.Find("[data-testid=empty-state]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=containers-table]"));
    }

    [Fact]
    public void Lists_containers_as_they_arrive()
    {
        var cut = Render<ContainersPage>();
        Hub.Publish(Topics.Containers, new ContainersSnapshot(
            DateTimeOffset.UtcNow,
            Endpoint,
            ComponentStatus.Running,
            null,
            [
                new ContainerRow("a1", "router", "kitt/router:1", "running", "Up 5 minutes", DateTimeOffset.UtcNow),
                new ContainerRow("b2", "packer", "kitt/packer:1", "exited", "Exited (1)", DateTimeOffset.UtcNow),
            ]));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=containers-table] tbody tr").Count));
        Assert.Contains("router", cut.Markup);
        Assert.Contains("Exited (1)", cut.Markup);
    }

    [Fact]
    public void Says_so_when_the_feature_flag_is_off()
    {
        Realtime.ContainerStats = false;
        var cut = Render<ContainersPage>();
        Assert.Contains("Realtime:ContainerStats", cut.Markup);
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
