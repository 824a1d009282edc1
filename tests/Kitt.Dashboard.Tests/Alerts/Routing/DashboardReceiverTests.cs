using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Alerts.Notifications;
using Kitt.Dashboard.Alerts.Routing;
using Kitt.Dashboard.Tests.Alerts.Notifications;
using Kitt.Dashboard.Tests.Data;
using Kitt.Dashboard.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using static Kitt.Dashboard.Tests.Alerts.Notifications.NotificationTestKit;

namespace Kitt.Dashboard.Tests.Alerts.Routing;

/// <summary>
/// A receiver and a route an Admin adds over REST, with no receiver in the configuration, take alerts without a
/// restart; its signing key, shown once, is stored only protected and still signs after the app starts again.
/// </summary>
public sealed class DashboardReceiverTests
{
    [Fact]
    public async Task A_receiver_added_at_runtime_gets_alerts_signed_with_its_key_before_and_after_a_restart()
    {
        using var database = new TestDatabase();
        await using var hook = await HookServer.StartAsync();
        var settings = new Dictionary<string, string> { ["Features:ContainerStats"] = "false" }; // the test tells the polls
        string secret;
        await using (var app = new ConfiguredAppFactory(settings, database))
        {
            var admin = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
            using (var created = await admin.PutAsJsonAsync("/api/alerts/receivers/ops", new { kind = "webhook", url = hook.Url.ToString() }))
            {
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
            }

            using (var routed = await admin.PutAsJsonAsync("/api/alerts/routes", new object[]
            {
                new { receiver = "ops", match = new[] { "type=container_exit" }, groupWait = "0s", groupInterval = "1s", repeatInterval = "1h" },
            }))
            {
                Assert.Equal(HttpStatusCode.OK, routed.StatusCode);
            }

            await PollAsync(app, admin, ["runtime-1"], "firing");
            await UntilAsync(() => hook.Received.Any(r => r.Alerts.Contains(("runtime-1", "firing"))), 30, () => $"{hook.Received.Count} requests");
        }

        var first = hook.Received.First(r => r.Alerts.Contains(("runtime-1", "firing")));
        Assert.Equal(WebhookReceiver.Sign(secret, first.Body), first.Signature);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var row = await db.Set<ReceiverRow>().SingleAsync();
            Assert.NotNull(row.Protected);
            Assert.DoesNotContain(secret, row.Protected);
        }

        await using (var again = new ConfiguredAppFactory(settings, database))
        {
            var admin = again.CreateKeyClient(DashboardAppFactory.BootstrapKey);
            await PollAsync(again, admin, ["runtime-2"], "firing");
            await UntilAsync(() => hook.Received.Any(r => r.Alerts.Contains(("runtime-2", "firing"))), 30, () => $"{hook.Received.Count} requests");
        }

        var second = hook.Received.First(r => r.Alerts.Contains(("runtime-2", "firing")));
        Assert.Equal(WebhookReceiver.Sign(secret, second.Body), second.Signature);
    }
}
