using Kitt.Dashboard.Alerts.Silencing;
using Bunit;
using Kitt.Dashboard.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Components;

/// <summary>The sidebar over a real SQLite store, fed by the real hub, for a signed-in analyst.</summary>
public sealed class AlertSidebarTests : DashboardTestContext
{
    public AlertSidebarTests() => AddAuthorization().SetAuthorized("ana").SetRoles(Kitt.Dashboard.Security.Roles.Analyst);

    [Fact]
    public async Task Lists_newest_first_filters_by_text_and_marks_read()
    {
        await StoreAsync(Fire("cpu", "router"), Fire("container_exit", "billing"));
        var cut = Render<AlertSidebar>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=alert-item]").Count));
        Assert.Contains("billing", cut.FindAll("[data-testid=alert-item]")[0].TextContent); // stored last, shown first
        Assert.Equal(2, cut.FindAll(".kitt-alert-unread").Count);

        cut.Find(".kitt-alerts-filters input").Input("router");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=alert-item]")));

        cut.Find(".kitt-alert-item").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".kitt-alert-read")));
    }

    [Fact]
    public async Task New_alerts_are_prepended_live_and_clear_empties_only_this_users_sidebar()
    {
        await StoreAsync(Fire("cpu", "router"));
        var cut = Render<AlertSidebar>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=alert-item]")));

        foreach (var announced in await StoreAsync(Fire("memory", "tracker")))
        {
            Hub.Publish(AlertEvent.Topic, announced);
        }

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=alert-item]").Count));
        Assert.Contains("tracker", cut.FindAll("[data-testid=alert-item]")[0].TextContent);

        cut.Find("[data-testid=clear-alerts]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=alert-item]")));
        var history = await Services.GetRequiredService<AlertQueries>().PageAsync(AlertFilter.All, "someone-else");
        Assert.Equal(2, history.Total);
    }

    [Fact]
    public async Task An_analyst_acknowledges_and_silences_an_alert_where_it_shows_and_the_sound_switch_is_kept()
    {
        await StoreAsync(Fire("cpu", "router"));
        var cut = Render<AlertSidebar>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=alert-ack]")));

        cut.Find("[data-testid=alert-ack]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Acknowledged by ana", cut.Find("[data-testid=alert-acked]").TextContent));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=alert-unack]")));
        cut.Find("[data-testid=alert-silence]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Silenced until", cut.Find("[data-testid=alert-handling]").TextContent));
        var silence = Assert.Single(await Services.GetRequiredService<Silences>().ListAsync(false, default));
        Assert.Equal(["alertname=cpu", "source=router"], silence.Matchers.Select(m => $"{m.Name}={m.Value}"));
        Assert.Equal("ana", silence.CreatedBy);

        // The next alert of that rule on that source fires silenced, and shows so.
        await StoreAsync(Resolve("cpu", "router"));
        foreach (var announced in await StoreAsync(Fire("cpu", "router")))
        {
            Hub.Publish(AlertEvent.Topic, announced);
        }

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=alert-silenced]")));

        cut.Find("input[data-testid=sound-switch]").Change(true);
        cut.WaitForAssertion(() => Assert.True(Services.GetRequiredService<AlertQueries>().ToastSettingsAsync("ana").GetAwaiter().GetResult().Sound));
    }

    private static AlertTransition Resolve(string type, string source) => new(
        AlertCondition.Flag(type, source, AlertSeverity.Warning, false, TimeSpan.Zero, $"{type} on {source}", "test"),
        AlertState.Resolved, DateTimeOffset.UtcNow, Notify: false);

    private static AlertTransition Fire(string type, string source) => new(
        AlertCondition.Flag(type, source, AlertSeverity.Warning, true, TimeSpan.Zero, $"{type} on {source}", "test"),
        AlertState.Firing, DateTimeOffset.UtcNow, Notify: true);

    private async Task<IReadOnlyList<AlertEvent>> StoreAsync(params AlertTransition[] transitions)
    {
        var stored = new List<AlertEvent>();
        foreach (var t in transitions)
        {
            stored.AddRange(await Services.GetRequiredService<AlertStore>().SaveAsync([t with { At = DateTimeOffset.UtcNow }], default));
            await Task.Delay(5); // distinct fired times, so "newest first" is decided by the clock
        }

        return stored;
    }
}
