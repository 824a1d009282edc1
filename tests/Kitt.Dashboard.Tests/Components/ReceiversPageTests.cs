using Bunit;
using Kitt.Dashboard.Alerts.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Kitt.Dashboard.Tests.Components;

/// <summary>The Admin's receivers and routes over the real store: a bad address is named, a webhook's key is shown once, a route is added and removed.</summary>
public sealed class ReceiversPageTests : DashboardTestContext
{
    public ReceiversPageTests() => AddAuthorization().SetAuthorized("root").SetRoles("Admin");

    private NotificationSettings Settings => Services.GetRequiredService<NotificationSettings>();

    [Fact]
    public async Task A_webhook_is_added_with_its_key_shown_once_and_a_route_to_it_is_added_and_removed()
    {
        var cut = Render<ReceiversPage>();
        Assert.Empty(cut.FindAll("[data-testid=receiver-row]"));

        await cut.Find("[data-testid=new-receiver]").ClickAsync(new());
        cut.Find("input[data-testid=receiver-name]").Change("ops-hook");
        cut.Find("input[data-testid=receiver-url]").Change("not a url");
        await cut.Find("[data-testid=save-receiver]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("url must be an absolute http or https address, got 'not a url'", cut.Markup));
        Assert.Empty(Settings.Current.Receivers);

        cut.Find("input[data-testid=receiver-url]").Change("http://127.0.0.1:9/hook");
        await cut.Find("[data-testid=save-receiver]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-receiver=ops-hook]")));
        var key = cut.Find("[data-testid=one-time-secret]").TextContent;
        Assert.Equal(32, Convert.FromBase64String(key).Length);
        Assert.Contains("protected", cut.Find("[data-receiver=ops-hook]").TextContent);
        Assert.DoesNotContain(key, cut.Find("[data-testid=receivers]").TextContent);

        var receiver = cut.FindComponents<MudSelect<string>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), "route-receiver"));
        await cut.InvokeAsync(() => receiver.Instance.ValueChanged.InvokeAsync("ops-hook"));
        cut.Find("input[data-testid=route-match]").Change("severity=critical, team=~freight|ops");
        await cut.Find("[data-testid=add-route]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=route-row]")));
        var route = Assert.Single(Settings.Current.Routes);
        Assert.Equal("ops-hook", route.Receiver);
        Assert.Equal(["severity=critical", "team=~freight|ops"], route.Match);

        await cut.Find("[data-testid=remove-route]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=route-row]")));
        Assert.Empty(Settings.Current.Routes);
    }
}
