using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Security;

/// <summary>
/// One global limiter with a partition per kind of request and client: sign-in attempts and WebSocket connects
/// per address, REST and MCP calls per API key (or address). Everything else is not limited.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SecurityOptions>>((limiter, security) =>
        {
            var options = security.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options));
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, SecurityOptions options)
    {
        var request = context.Request;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/account/login"))
        {
            return Window("sign-in:" + address, options.SignInPerMinute, TimeSpan.FromMinutes(1));
        }

        if (context.WebSockets.IsWebSocketRequest && request.Path.StartsWithSegments("/ws"))
        {
            return Window("ws:" + address, options.WebSocketConnectsPerMinute, TimeSpan.FromMinutes(1));
        }

        // A tool call is an API call by other means: it spends the same key's budget.
        if (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/mcp"))
        {
            var client = ApiKeyAuthenticationHandler.PresentedKey(context) is { Length: > 0 } key
                ? "key:" + Convert.ToHexString(ApiKeyService.Hash(key), 0, 8)
                : "address:" + address;
            return Window("api:" + client, options.ApiPer10Seconds, TimeSpan.FromSeconds(10));
        }

        return RateLimitPartition.GetNoLimiter("unlimited");
    }

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
}
