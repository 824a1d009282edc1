using System.Text.Json;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>
/// Pushes our alerts into a Prometheus Alertmanager (<c>POST /api/v2/alerts</c>) so teams route them with what they
/// already run. A firing alert is sent with <c>endsAt</c> a few resend periods ahead, as Prometheus does: if the
/// dashboard stops sending, the Alertmanager resolves it by itself; a resolved one with the moment it resolved.
/// </summary>
public sealed class AlertmanagerReceiver(string name, ReceiverOptions options, HttpClient http, TimeSpan resend) : HttpReceiver(name, options, http)
{
    public override string Kind => ReceiverKinds.Alertmanager;

    public override Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var alerts = message.Alerts.Select(a => new
        {
            labels = a.Labels,
            annotations = new Dictionary<string, string> { ["summary"] = a.Title, ["description"] = a.Message },
            startsAt = a.StartsAt,
            endsAt = a.Firing ? message.At + 4 * resend : a.EndsAt ?? message.At,
        });
        var url = new Uri(new Uri(Options.Url!.TrimEnd('/') + "/"), "api/v2/alerts");
        return PostAsync(url, JsonSerializer.Serialize(alerts, NotifiedAlert.Json), null, cancellationToken);
    }
}
