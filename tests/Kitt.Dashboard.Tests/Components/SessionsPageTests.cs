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
        Assert.Contains("No session has opened or closed yet", cut.Markup);

        Hub.Publish(Topics.Sessions, new SessionEvent("first-circuit", SessionChange.Opened, DateTimeOffset.UtcNow, 1));
        Hub.Publish(Topics.Sessions, new SessionEvent("second-circuit", SessionChange.Disconnected, DateTimeOffset.UtcNow, 1));

        cut.WaitForAssertion(() => Assert.Contains("second-cir", cut.Markup));
        Assert.True(cut.Markup.IndexOf("second-cir", StringComparison.Ordinal) < cut.Markup.IndexOf("first-circ", StringComparison.Ordinal));
        Assert.Contains("disconnected", cut.Markup);
    }

    [Fact]
    public async Task Shows_stored_events_from_before_the_page_opened_once_each()
    {
        var earlier = new SessionEvent("stored-circuit", SessionChange.Closed, DateTimeOffset.UtcNow.AddMinutes(-5), 0, "grace", "/containers");
        await using (var db = await Database.CreateDbContextAsync())
        {
            db.SessionLog.Add(SessionLogEntry.From(earlier));
            await db.SaveChangesAsync();
        }

        var cut = Render<SessionsPage>();

        cut.WaitForAssertion(() => Assert.Contains("grace", cut.Markup));
        Assert.Single(cut.FindAll(".mud-timeline-item"));
        Assert.Contains("closed", cut.Find(".mud-timeline-item").TextContent);
    }
}
