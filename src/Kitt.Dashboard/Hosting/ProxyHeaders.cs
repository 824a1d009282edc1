using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Hosting;

public static class ProxyHeaders
{
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services)
    {
        services.AddValidatedOptions<ProxyOptions>(ProxyOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Loopback is trusted by default; here only what the configuration names is.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // Walk back through a chain of known proxies (a load balancer before nginx); the walk stops at the first
            // address that is not one, so a client cannot prepend a made-up one.
            forwarded.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>
    /// First in the pipeline, so rate limits, sign-in, session lists and logs all see the client's address and
    /// scheme; then a log scope with that address, so every line a request writes says whose it was.
    /// </summary>
    public static IApplicationBuilder UseProxyHeaders(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<ProxyOptions>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Kitt.Dashboard.Requests");
        return app.Use(async (context, next) =>
        {
            using (logger.BeginScope(new ClientScope(context.Connection.RemoteIpAddress?.ToString() ?? "unknown")))
            {
                await next(context);
            }
        });
    }

    /// <summary>A one-entry scope; the JSON console formatter writes it as <c>"ClientAddress": "…"</c>.</summary>
    private sealed class ClientScope(string address) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new("ClientAddress", address) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => "client " + address;
    }
}
