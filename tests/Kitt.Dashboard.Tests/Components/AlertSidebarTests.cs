using Bunit;
using Kitt.Dashboard.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Components;

/// <summary>The sidebar over a real SQLite store, fed by the real hub, for a signed-in analyst.</summary>
public sealed class AlertSidebarTests : DashboardTestContext
{
    public AlertSidebarTests() => AddAuthorization().SetAuthorized("ana");

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
