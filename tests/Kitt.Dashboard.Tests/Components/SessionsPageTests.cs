using Bunit;
using Kitt.Dashboard.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Components;

public sealed class SessionsPageTests : DashboardTestContext
{
    [Fact]
    public void Shows_session_events_newest_first()
    {
        var cut = Render<SessionsPage>();
        Assert.Contains("No session has opened or closed yet", cut.Markup);

        Hub.Publish(SessionEvent.Topic, new SessionEvent("first-circuit", SessionChange.Opened, DateTimeOffset.UtcNow, 1));
        Hub.Publish(SessionEvent.Topic, new SessionEvent("second-circuit", SessionChange.Disconnected, DateTimeOffset.UtcNow, 1));

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

    [Fact]
    public void Lists_socket_clients_beside_browser_tabs_with_their_client_id()
    {
        var tracker = Services.GetRequiredService<CircuitTracker>();
        tracker.Opened("circuit-1", "ada", ["Operator"], "/containers");
        tracker.Opened("ws:abc", "api-key:erp", ["Dispatcher"], "/ws/freight", SessionKinds.WebSocket, "erp-42");

        var cut = Render<SessionsPage>();

        Assert.Equal("2", cut.Find("[data-testid=open-sessions]").TextContent);
        var socket = cut.Find("[data-testid=session-row][data-kind=websocket]");
        Assert.Contains("api-key:erp", socket.TextContent);
        Assert.Contains("/ws/freight", socket.TextContent);
        Assert.Equal("websocket · client_id erp-42", socket.QuerySelector("[data-testid=session-client]")!.TextContent.Trim());
        Assert.Empty(cut.Find("[data-testid=session-row][data-kind=browser]").QuerySelectorAll("[data-testid=session-client]"));
    }
}
