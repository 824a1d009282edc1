using Bunit;
using Kitt.Dashboard.Alerts.Notifications;

namespace Kitt.Dashboard.Tests.Components;

/// <summary>The Notifications page: with no receivers configured it says where they go (the delivery flows are in Alerts/Notifications).</summary>
public sealed class NotificationsPageTests : DashboardTestContext
{
    public NotificationsPageTests() => AddAuthorization().SetAuthorized("ada").SetRoles(Kitt.Dashboard.Security.Roles.Admin);

    [Fact]
    public void With_no_receivers_the_page_says_where_to_add_them()
    {
        var cut = Render<NotificationsPage>();

        cut.WaitForAssertion(() => Assert.Contains("Alerts:Receivers", cut.Markup));
    }
}
