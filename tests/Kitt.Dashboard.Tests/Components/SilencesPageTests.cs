using Kitt.Dashboard.Alerts.Silencing;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Components;

/// <summary>The Silences page over a real store: listed with their matchers, extended, expired, and the expired ones on demand.</summary>
public sealed class SilencesPageTests : DashboardTestContext
{
    public SilencesPageTests() => AddAuthorization().SetAuthorized("olly").SetRoles(Kitt.Dashboard.Security.Roles.Operator);

    [Fact]
    public async Task A_silence_is_listed_extended_by_an_hour_and_expired()
    {
        var store = Services.GetRequiredService<Silences>();
        var ends = DateTimeOffset.UtcNow.AddHours(1);
        var (created, _) = await store.CreateAsync(new SilenceRequest([new("source", "db-.*", IsRegex: true)], null, ends, "failover drill"), "olly", default);
        var cut = Render<SilencesPage>();

        cut.WaitForAssertion(() => Assert.Contains("source=~db-.*", cut.Find("[data-testid=silence-row]").TextContent));
        Assert.Contains("failover drill", cut.Find("[data-testid=silence-row]").TextContent);
        Assert.Contains("active", cut.Find("[data-testid=silence-row]").TextContent);

        cut.Find("[data-testid=silence-extend]").Click();
        cut.WaitForAssertion(() => Assert.Equal(ends.AddHours(1), store.FindAsync(created!.Id, default).GetAwaiter().GetResult()!.EndsAt));

        cut.Find("[data-testid=silence-expire]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=silence-row]")));
        cut.Find("input[data-testid=show-expired]").Change(true);
        cut.WaitForAssertion(() => Assert.Contains("expired", cut.Find("[data-testid=silence-row]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=silence-expire]"));
    }
}
