namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>The receivers in force by name, made anew when the plan changes (<see cref="NotificationRoutes.Version"/>).</summary>
public sealed class AlertReceivers(NotificationRoutes routes, Microsoft.Extensions.Options.IOptions<AlertOptions> options, IHttpClientFactory httpClients)
{
    public const string HttpClientName = "alert-receivers";

    private volatile Made? made;

    private sealed record Made(long Version, IReadOnlyDictionary<string, IAlertReceiver> ByName);

    public IReadOnlyCollection<IAlertReceiver> All => [.. Now.ByName.Values];

    public IAlertReceiver? Find(string name) => Now.ByName.GetValueOrDefault(name);

    private Made Now
    {
        get
        {
            var version = routes.Version;
            if (made is { } m && m.Version == version)
            {
                return m;
            }

            var resend = TimeSpan.FromSeconds(options.Value.Delivery.AlertmanagerResendSeconds);
            var byName = new Dictionary<string, IAlertReceiver>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, r) in routes.Receivers)
            {
                byName[name] = ReceiverKinds.Of(r) switch
                {
                    ReceiverKinds.Webhook => new WebhookReceiver(name, r, httpClients.CreateClient(HttpClientName)),
                    ReceiverKinds.Slack => new SlackReceiver(name, r, httpClients.CreateClient(HttpClientName)),
                    ReceiverKinds.Alertmanager => new AlertmanagerReceiver(name, r, httpClients.CreateClient(HttpClientName), resend),
                    _ => new EmailReceiver(name, r),
                };
            }

            return made = new Made(version, byName);
        }
    }
}
