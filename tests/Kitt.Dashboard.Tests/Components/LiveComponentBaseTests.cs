using Bunit;
using Kitt.Dashboard.Sessions;

namespace Kitt.Dashboard.Tests.Components;

public sealed class LiveComponentBaseTests : DashboardTestContext
{
    [Fact]
    public void A_burst_of_1000_events_is_a_handful_of_renders()
    {
        var cut = Render<BurstProbe>();
        var rendersBefore = cut.Instance.Renders;

        for (var i = 0; i < 1000; i++)
        {
            Hub.Publish(SessionEvent.Topic, new SessionEvent($"circuit-{i}", SessionChange.Opened, DateTimeOffset.UtcNow, i + 1));
        }

        cut.WaitForAssertion(() => Assert.Equal("1000", cut.Find("#received").TextContent));
        // The first event may render on its own before the rest arrive; everything after waits for the next ~100 ms slot.
        Assert.InRange(cut.Instance.Batches, 1, 2);
        Assert.Equal(cut.Instance.Batches, cut.Instance.Renders - rendersBefore);
    }

    [Fact]
    public async Task Disposing_the_component_disposes_its_subscriptions()
    {
        Render<BurstProbe>();
        Assert.Equal(1, Subscriptions("sessions"));

        await DisposeComponentsAsync();

        Assert.Equal(0, Subscriptions("sessions"));
    }
}
