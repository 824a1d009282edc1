using Bunit;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.Sessions;
using SessionsPage = Kitt.Dashboard.Components.Pages.Sessions;

namespace Kitt.Dashboard.Tests.Components;

public sealed class SessionsPageTests : DashboardTestContext
{
    [Fact]
    public void Shows_session_events_newest_first()
    {
        var cut = Render<SessionsPage>();
        Assert.Contains("No session has opened or closed", cut.Markup);

        Hub.Publish(Topics.Sessions, new SessionEvent("first-circuit", SessionChange.Opened, DateTimeOffset.UtcNow, 1));
        Hub.Publish(Topics.Sessions, new SessionEvent("second-circuit", SessionChange.Disconnected, DateTimeOffset.UtcNow, 1));

        cut.WaitForAssertion(() => Assert.Contains("second-cir", cut.Markup));
        Assert.True(cut.Markup.IndexOf("second-cir", StringComparison.Ordinal) < cut.Markup.IndexOf("first-circ", StringComparison.Ordinal));
        Assert.Contains("disconnected", cut.Markup);
    }
}
