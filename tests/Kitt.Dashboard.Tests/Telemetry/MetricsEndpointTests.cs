using System.Net;
using System.Net.Http.Headers;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Tests.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> in the Prometheus text format, for Operator and Admin keys only. (Meters are process-wide, so this
/// host's scrape may hold other test hosts' series too: the test looks for what must be there, not for exact values.)
/// </summary>
public sealed class MetricsEndpointTests(SocketAppFactory app) : IClassFixture<SocketAppFactory>
{
    [Fact]
    public async Task An_operator_key_as_bearer_token_reads_every_features_series_and_others_are_refused()
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var operatorKey = (await keys.CreateAsync("prometheus", Roles.Operator, "test")).Key;
        var dispatcherKey = (await keys.CreateAsync("not-ops", Roles.Dispatcher, "test")).Key;
        using var http = new HttpClient { BaseAddress = app.HttpAddress };
        await using (await KittClient.ConnectListedAsync(app, "/ws/freight", "metrics-client"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await ScrapeAsync(http, null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await ScrapeAsync(http, dispatcherKey)).StatusCode);

            using var response = await ScrapeAsync(http, operatorKey);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            foreach (var series in new[]
            {
                "kitt_hub_published_total{", "kitt_hub_subscriptions{", "kitt_circuits_open", "kitt_sockets_connections{",
                "kitt_sockets_messages_received_total", "kitt_packing_jobs_queued", "kitt_outbox_waiting", "kitt_docker_available",
                "http_server_request_duration_seconds_bucket", "kestrel_active_connections",
            })
            {
                Assert.Contains(series, text);
            }

            Assert.Matches("""kitt_sockets_connections\{[^}]*endpoint="freight"[^}]*\} [1-9]""", text);
        }
    }

    private static Task<HttpResponseMessage> ScrapeAsync(HttpClient http, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http.SendAsync(request);
    }
}
