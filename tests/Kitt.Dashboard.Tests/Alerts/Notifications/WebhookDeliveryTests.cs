using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Alerts.Notifications;
using Kitt.Dashboard.Tests.Data;
using Kitt.Dashboard.Tests.Hosting;
using static Kitt.Dashboard.Tests.Alerts.Notifications.NotificationTestKit;

namespace Kitt.Dashboard.Tests.Alerts.Notifications;

/// <summary>
/// Alerts reach a real webhook receiver on Kestrel: grouped as the route says, signed, with a key per notification
/// that stays the same across attempts, through a receiver that is down for 30 s and an app restart in between.
/// </summary>
public sealed class WebhookDeliveryTests : IDisposable
{
    private const string Secret = "s3cret-for-the-hook";

    private readonly string folder = Directory.CreateTempSubdirectory("kitt-notify-").FullName;

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_group_of_alerts_is_one_signed_notification_when_it_fires_and_one_when_it_resolves(StoreKind kind)
    {
        using var database = new TestDatabase(kind: kind);
        await using var hook = await HookServer.StartAsync();
        var settings = Receiver("ops", "webhook", groupWait: "1s");
        settings["Alerts:Receivers:ops:Url"] = hook.Url.ToString();
        settings["Alerts:Receivers:ops:Secret"] = Secret;
        await using var app = new ConfiguredAppFactory(settings, database);
        var admin = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        var names = Names("hooked", 3);

        await PollAsync(app, admin, names, "firing");
        await UntilAsync(() => hook.Received.Any(r => r.Json.GetProperty("status").GetString() == "firing"), 30, () => $"{hook.Received.Count} requests");

        // One notification for the group, however often it was tried: one key.
        var fired = hook.Received.First(r => r.Json.GetProperty("status").GetString() == "firing");
        Assert.Single(hook.Received.Where(r => r.Json.GetProperty("status").GetString() == "firing").Select(r => r.Key).Distinct());
        Assert.Equal(WebhookReceiver.Sign(Secret, fired.Body), fired.Signature);
        Assert.Equal(fired.Key, fired.Json.GetProperty("notificationId").GetString());
        Assert.Equal("ops", fired.Json.GetProperty("receiver").GetString());
        Assert.Equal(names.Order(), fired.Alerts.Select(a => a.Source).Order());
        Assert.All(fired.Alerts, a => Assert.Equal("firing", a.Status));
        var first = fired.Json.GetProperty("alerts")[0];
        Assert.Equal("container_exit", first.GetProperty("labels").GetProperty("alertname").GetString());
        Assert.Equal("error", first.GetProperty("labels").GetProperty("severity").GetString());
        Assert.Equal("container_exit", fired.Json.GetProperty("commonLabels").GetProperty("type").GetString());

        await PollAsync(app, admin, [], "resolved", names);
        await UntilAsync(() => hook.Received.Any(r => r.Json.GetProperty("status").GetString() == "resolved"), 30, () => $"{hook.Received.Count} requests");
        var resolved = hook.Received.First(r => r.Json.GetProperty("status").GetString() == "resolved");
        Assert.Equal("resolved", resolved.Json.GetProperty("status").GetString());
        Assert.Equal(names.Order(), resolved.Alerts.Select(a => a.Source).Order());
        Assert.All(resolved.Alerts, a => Assert.Equal("resolved", a.Status));
        Assert.NotEqual(fired.Key, resolved.Key);

        // Admins see both delivered at the first attempt.
        var listing = await NotificationsAsync(admin);
        var items = listing.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, n => Assert.Equal(1, n.GetProperty("attempts").GetInt32()));
        Assert.All(items, n => Assert.NotEqual(JsonValueKind.Null, n.GetProperty("deliveredAt").ValueKind));
        Assert.True(listing.GetProperty("receivers")[0].GetProperty("healthy").GetBoolean());
        await Task.Delay(TimeSpan.FromSeconds(2)); // past the group interval: nothing changed, so nothing more is sent
        Assert.Equal(2, hook.Keys.Count);
    }

    [Fact]
    public async Task A_burst_of_ten_thousand_alerts_is_a_few_notifications_that_hold_them_all()
    {
        await using var hook = await HookServer.StartAsync();
        var settings = Receiver("ops", "webhook", groupWait: "2s");
        settings["Alerts:Receivers:ops:Url"] = hook.Url.ToString();
        await using var app = new ConfiguredAppFactory(settings, Path.Combine(folder, "kitt.db"));
        var admin = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        var names = Names("burst", 10_000);

        await PollAsync(app, admin, names, "firing");
        await UntilAsync(() => hook.Received.SelectMany(r => r.Alerts).Select(a => a.Source).Distinct().Count() == names.Length, 60,
            () => $"{hook.Received.Count} notifications with {hook.Received.SelectMany(r => r.Alerts).Count()} alerts");

        Assert.InRange(hook.Received.Count, 1, 3);
    }

    [Fact]
    public async Task A_receiver_down_for_30_seconds_across_a_restart_gets_every_notification_and_the_others_hear_of_it()
    {
        var database = Path.Combine(folder, "kitt.db");
        await using var hook = new HookServer(); // not listening yet: the receiver is down
        await using var others = await HookServer.StartAsync();
        var settings = Receiver("ops", "webhook", 0, "0s", "source");
        settings["Alerts:Receivers:ops:Url"] = hook.Url.ToString();
        settings["Alerts:Receivers:others:Kind"] = "webhook";
        settings["Alerts:Receivers:others:Url"] = others.Url.ToString();
        settings["Alerts:Routes:1:Receiver"] = "others";
        settings["Alerts:Routes:1:Match:0"] = "source=notifications";
        settings["Alerts:Routes:1:GroupWait"] = "0s";
        settings["Alerts:Delivery:MaxBackoffSeconds"] = "2";
        var names = Names("patient", 5);
        var down = DateTime.UtcNow;

        await using (var app = new ConfiguredAppFactory(settings, database))
        {
            var admin = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
            await PollAsync(app, admin, names, "firing");
            // One notification a group, all waiting; the oldest is tried again and again, the rest wait behind it in order.
            await UntilAsync(async () => (await NotificationsAsync(admin, "&waiting=true&receiver=ops")).GetProperty("items") is var waiting
                && waiting.GetArrayLength() == names.Length
                && waiting[names.Length - 1] is var oldest && oldest.GetProperty("attempts").GetInt32() >= 2 && oldest.GetProperty("lastError").GetString() is { Length: > 0 },
                30, async () => (await NotificationsAsync(admin)).ToString());

            // The failing receiver shows on /health, and the alert it raises goes to the other receiver.
            await UntilAsync(async () => (await admin.GetFromJsonAsync<JsonElement>("/health")).GetProperty("components").EnumerateArray()
                .Any(c => c.GetProperty("name").GetString() == Notifier.Component && c.GetProperty("state").GetString() == "degraded"
                    && c.GetProperty("reason").GetString()!.Contains("receiver ops failing", StringComparison.Ordinal)),
                30, async () => (await admin.GetStringAsync("/health")));
            await UntilAsync(() => others.Received.Any(r => r.Alerts.Any(a => a is ("notifications", "firing"))), 30, () => $"{others.Received.Count} requests to the others");
            Assert.Contains("receiver ops failing", others.Received.First(r => r.Alerts.Any()).Body, StringComparison.Ordinal);
        }

        await using (var restarted = new ConfiguredAppFactory(settings, database))
        {
            var admin = restarted.CreateKeyClient(DashboardAppFactory.BootstrapKey);
            await PollAsync(restarted, admin, [], "resolved", names);
            var downFor = TimeSpan.FromSeconds(30) - (DateTime.UtcNow - down);
            if (downFor > TimeSpan.Zero)
            {
                await Task.Delay(downFor);
            }

            await hook.UpAsync();
            await UntilAsync(async () => (await NotificationsAsync(admin, "&waiting=true&receiver=ops")).GetProperty("items").GetArrayLength() == 0, 60,
                async () => (await NotificationsAsync(admin, "&receiver=ops")).ToString());

            // Every notification ever made for the receiver arrived: five firing and five resolved, by their keys.
            var made = (await NotificationsAsync(admin, "&receiver=ops")).GetProperty("items").EnumerateArray()
                .Select(n => n.GetProperty("key").GetString()!).ToHashSet();
            Assert.Equal(2 * names.Length, made.Count);
            Assert.Equal(made.Order(), hook.Keys.Order());
            var told = hook.Received.SelectMany(r => r.Alerts).Distinct().ToList();
            Assert.Equal(names.Order(), told.Where(a => a.Status == "firing").Select(a => a.Source).Order());
            Assert.Equal(names.Order(), told.Where(a => a.Status == "resolved").Select(a => a.Source).Order());
            await UntilAsync(async () => (await admin.GetFromJsonAsync<JsonElement>("/health")).GetProperty("components").EnumerateArray()
                .Any(c => c.GetProperty("name").GetString() == Notifier.Component && c.GetProperty("state").GetString() == "running"),
                30, async () => (await admin.GetStringAsync("/health")));
        }
    }

    [Fact]
    public async Task A_notification_the_receiver_refuses_for_good_is_kept_as_refused_and_holds_back_nothing()
    {
        await using var hook = await HookServer.StartAsync(refuses: body => body.Contains("refused-1", StringComparison.Ordinal));
        var settings = Receiver("ops", "webhook", 0, "0s", "source");
        settings["Alerts:Receivers:ops:Url"] = hook.Url.ToString();
        await using var app = new ConfiguredAppFactory(settings, Path.Combine(folder, "kitt.db"));
        var admin = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

        await PollAsync(app, admin, ["refused-1"], "firing");
        await UntilAsync(async () => (await NotificationsAsync(admin)).GetProperty("items").EnumerateArray().Any(n => n.GetProperty("refusedAt").ValueKind != JsonValueKind.Null),
            30, async () => (await NotificationsAsync(admin)).ToString());
        await PollAsync(app, admin, ["refused-1", "after-1"], "firing");
        await UntilAsync(() => hook.Received.Any(r => r.Alerts.Any(a => a.Source == "after-1")), 30, () => $"{hook.Received.Count} requests");

        var items = (await NotificationsAsync(admin)).GetProperty("items").EnumerateArray().ToList();
        var refused = Assert.Single(items, n => n.GetProperty("refusedAt").ValueKind != JsonValueKind.Null);
        Assert.Equal(1, refused.GetProperty("attempts").GetInt32()); // refused for good: not tried again
        Assert.Contains("400", refused.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("/hook", refused.GetProperty("lastError").GetString(), StringComparison.Ordinal); // the host only
        Assert.Equal(0, (await NotificationsAsync(admin, "&waiting=true")).GetProperty("items").GetArrayLength());
        Assert.Single(hook.Received, r => r.Alerts.Any(a => a.Source == "refused-1"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
