using System.Text.Json;
using Kitt.Dashboard.Tests.Hosting;
using static Kitt.Dashboard.Tests.Alerts.Notifications.NotificationTestKit;

namespace Kitt.Dashboard.Tests.Alerts.Notifications;

/// <summary>
/// The other receivers against what users run: e-mail through a real SMTP server read back as mail, Slack's
/// incoming-webhook payload, and our alerts in Debian's Prometheus Alertmanager, resolving there with ours.
/// </summary>
public sealed class ReceiverKindsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kitt-receivers-").FullName;

    [Fact]
    public async Task An_email_receiver_sends_a_mail_per_notification_through_smtp()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var settings = Receiver("mail", "email");
        settings["Alerts:Receivers:mail:To"] = "ops@example.com, night-shift@example.com";
        settings["Alerts:Receivers:mail:Smtp:Host"] = "127.0.0.1";
        settings["Alerts:Receivers:mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Alerts:Receivers:mail:Smtp:Security"] = "none";
        settings["Alerts:Receivers:mail:Smtp:From"] = "kitt@example.com";
        await using var app = new ConfiguredAppFactory(settings, Path.Combine(folder, "kitt.db"));
        var admin = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        var names = Names("mailed", 2);

        await PollAsync(app, admin, names, "firing");
        await UntilAsync(() => smtp.Messages().Count >= 1, 30, () => "no mail");

        var mail = smtp.Messages().Single();
        Assert.StartsWith("[FIRING:2] container_exit on ", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(["ops@example.com", "night-shift@example.com"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("kitt@example.com", mail.From.Mailboxes.Single().Address);
        Assert.All(names, n => Assert.Contains($"source {n}", mail.TextBody, StringComparison.Ordinal));
        var key = (await NotificationsAsync(admin)).GetProperty("items")[0].GetProperty("key").GetString();
        Assert.Equal($"{key}@kitt-dashboard", mail.MessageId);
        Assert.Equal(key, mail.Headers["X-Kitt-Notification"]);
    }

    [Fact]
    public async Task A_slack_receiver_posts_the_incoming_webhook_payload()
    {
        await using var slack = await HookServer.StartAsync();
        var settings = Receiver("chat", "slack");
        settings["Alerts:Receivers:chat:Url"] = slack.Url.ToString();
        await using var app = new ConfiguredAppFactory(settings, Path.Combine(folder, "kitt.db"));
        var admin = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        var names = Names("chatty", 1);

        await PollAsync(app, admin, names, "firing");
        await UntilAsync(() => slack.Received.Count >= 1, 30, () => "nothing posted");

        var payload = slack.Received[0].Json;
        Assert.Equal("[FIRING:1] container_exit on chatty-1", payload.GetProperty("text").GetString());
        var blocks = payload.GetProperty("blocks").EnumerateArray().ToList();
        Assert.All(blocks, b => Assert.Equal("section", b.GetProperty("type").GetString()));
        Assert.All(blocks, b => Assert.Equal("mrkdwn", b.GetProperty("text").GetProperty("type").GetString()));
        Assert.Contains("*chatty-1 exited with code 1*", blocks[1].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_pushed_to_alertmanager_appear_in_its_api_and_resolve_with_ours()
    {
        await using var alertmanager = await AlertmanagerServer.StartAsync();
        var settings = Receiver("am", "alertmanager");
        settings["Alerts:Receivers:am:Url"] = alertmanager.Url.ToString();
        await using var app = new ConfiguredAppFactory(settings, Path.Combine(folder, "kitt.db"));
        var admin = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        var names = Names("managed", 2);

        await PollAsync(app, admin, names, "firing");
        await UntilAsync(async () => (await alertmanager.AlertsAsync("container_exit")).Count == names.Length, 30,
            async () => $"{JsonSerializer.Serialize(await alertmanager.AlertsAsync("container_exit"))}, notifications {await NotificationsAsync(admin)}");
        var held = await alertmanager.AlertsAsync("container_exit");
        Assert.Equal(names.Order(), held.Select(a => a["source"]).Order());
        Assert.All(held, a => Assert.Equal("error", a["severity"]));
        Assert.All(held, a => Assert.Equal($"container_exit:{a["source"]}", a["key"]));

        await PollAsync(app, admin, names[..1], "resolved", names[1..]);
        await UntilAsync(async () => (await alertmanager.AlertsAsync("container_exit")).Select(a => a["source"]).SequenceEqual(names.Take(1)), 30,
            async () => JsonSerializer.Serialize(await alertmanager.AlertsAsync("container_exit")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
