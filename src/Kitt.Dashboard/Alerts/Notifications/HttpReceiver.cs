using System.Net.Http.Headers;
using System.Text;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>What the receivers that speak HTTP share: a JSON POST whose non-success answer is a failure naming the status.</summary>
public abstract class HttpReceiver(string name, ReceiverOptions options, HttpClient http) : IAlertReceiver
{
    public string Name => name;

    public abstract string Kind { get; }

    public bool SendResolved => options.SendResolved;

    protected ReceiverOptions Options => options;

    public abstract Task SendAsync(NotificationMessage message, CancellationToken cancellationToken);

    protected async Task PostAsync(Uri url, string json, Action<HttpRequestHeaders>? headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        headers?.Invoke(request.Headers);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            // The host only: a webhook's path or user info is its secret (Slack's token is the path), and errors are shown.
            var status = (int)response.StatusCode;
            throw new ReceiverException(
                $"{url.GetLeftPart(UriPartial.Authority)} answered {status} {response.ReasonPhrase}{(body.Length > 0 ? ": " + body[..Math.Min(body.Length, 200)] : "")}",
                permanent: status is >= 400 and < 500 and not (408 or 425 or 429));
        }
    }
}
