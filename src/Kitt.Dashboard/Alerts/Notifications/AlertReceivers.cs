using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>The configured receivers by name, each made once from <c>Alerts:Receivers</c>.</summary>
public sealed class AlertReceivers
{
    public const string HttpClientName = "alert-receivers";

    private readonly Dictionary<string, IAlertReceiver> byName = new(StringComparer.OrdinalIgnoreCase);

    public AlertReceivers(IOptions<AlertOptions> options, IHttpClientFactory httpClients)
    {
        var resend = TimeSpan.FromSeconds(options.Value.Delivery.AlertmanagerResendSeconds);
        foreach (var (name, r) in options.Value.Receivers)
        {
            byName[name] = ReceiverKinds.Of(r) switch
            {
                ReceiverKinds.Webhook => new WebhookReceiver(name, r, httpClients.CreateClient(HttpClientName)),
                ReceiverKinds.Slack => new SlackReceiver(name, r, httpClients.CreateClient(HttpClientName)),
                ReceiverKinds.Alertmanager => new AlertmanagerReceiver(name, r, httpClients.CreateClient(HttpClientName), resend),
                _ => new EmailReceiver(name, r),
            };
        }
    }

    public IReadOnlyCollection<IAlertReceiver> All => byName.Values;

    public IAlertReceiver? Find(string name) => byName.GetValueOrDefault(name);
}
