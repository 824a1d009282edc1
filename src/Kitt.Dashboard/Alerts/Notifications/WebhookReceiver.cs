using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>
/// A generic webhook: Alertmanager's webhook body (group, labels, alerts) with the notification's key, sent with
/// <c>Idempotency-Key</c> and, given a <c>Secret</c>, <c>X-Kitt-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>
/// so the receiver knows it came from us and was not altered.
/// </summary>
public sealed class WebhookReceiver(string name, ReceiverOptions options, HttpClient http) : HttpReceiver(name, options, http)
{
    public const string SignatureHeader = "X-Kitt-Signature";

    public const string IdempotencyHeader = "Idempotency-Key";

    public override string Kind => ReceiverKinds.Webhook;

    public override Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(Body(message), NotifiedAlert.Json);
        return PostAsync(new Uri(Options.Url!), json, headers =>
        {
            headers.Add(IdempotencyHeader, message.Key);
            if (!string.IsNullOrEmpty(Options.Secret))
            {
                headers.Add(SignatureHeader, Sign(Options.Secret, json));
            }
        }, cancellationToken);
    }

    /// <summary>The signature a receiver computes to check a body: <c>sha256=</c> and the lower-case hex HMAC.</summary>
    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private object Body(NotificationMessage m) => new
    {
        version = "1",
        notificationId = m.Key,
        receiver = Name,
        status = m.Status,
        groupKey = m.GroupKey,
        groupLabels = m.GroupLabels,
        commonLabels = m.CommonLabels(),
        sentAt = m.At,
        alerts = m.Alerts.Select(a => new
        {
            id = a.Id,
            status = a.Firing ? "firing" : "resolved",
            labels = a.Labels,
            annotations = new { title = a.Title, message = a.Message },
            value = a.Value,
            startsAt = a.StartsAt,
            endsAt = a.EndsAt,
        }),
    };
}
