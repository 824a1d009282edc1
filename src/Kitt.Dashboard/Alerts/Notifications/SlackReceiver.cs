using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>A Slack incoming webhook: its payload is <c>text</c> (the summary) and a <c>section</c> block listing the alerts.</summary>
public sealed class SlackReceiver(string name, ReceiverOptions options, HttpClient http) : HttpReceiver(name, options, http)
{
    /// <summary>Alerts listed in one message; Slack cuts a section's text at 3,000 characters.</summary>
    private const int Listed = 20;

    public override string Kind => ReceiverKinds.Slack;

    public override Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var lines = new StringBuilder();
        foreach (var a in message.Alerts.Take(Listed))
        {
            lines.Append(CultureInfo.InvariantCulture, $"{(a.Firing ? ":red_circle:" : ":large_green_circle:")} *{Escape(a.Title)}* ({a.Severity.ToString().ToLowerInvariant()}, {Escape(a.Source)}): {Escape(a.Message)}\n");
        }

        if (message.Alerts.Count > Listed)
        {
            lines.Append(CultureInfo.InvariantCulture, $"… and {message.Alerts.Count - Listed} more");
        }

        var payload = new
        {
            text = message.Summary(),
            blocks = new object[]
            {
                new { type = "section", text = new { type = "mrkdwn", text = Escape(message.Summary()) } },
                new { type = "section", text = new { type = "mrkdwn", text = lines.ToString().TrimEnd() } },
            },
        };
        return PostAsync(new Uri(Options.Url!), JsonSerializer.Serialize(payload, NotifiedAlert.Json), null, cancellationToken);
    }

    /// <summary>Slack's three control characters in message text.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
