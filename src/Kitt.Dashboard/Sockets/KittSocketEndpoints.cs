using System.Net.WebSockets;
using System.Security.Claims;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Sockets;

/// <summary>Maps <c>/ws/freight</c>, <c>/ws/packing</c> and <c>/ws/notifications</c>, each for API keys only.</summary>
public static class KittSocketEndpoints
{
    public const string ClientIdParameter = "client_id";

    public static IServiceCollection AddSockets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeatureMetrics<SocketMetrics>();
        services.AddValidatedOptions<KittOptions>(KittOptions.Section);
        services.AddSingleton<KittConnections>();
        services.AddSingleton<PackingCorrelations>();
        services.AddSingleton<KittMessageHandler>();
        services.AddSingleton<KittReceiver>();
        services.AddHostedService<KittRelay>();
        services.AddHostedService<KittHeartbeatMonitor>();
        return services;
    }

    /// <summary>Before security: the API key handler and the connect limit must know a WebSocket request when they see one.</summary>
    public static IApplicationBuilder UseSockets(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<KittOptions>>().Value;
        return app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(options.KeepAliveSeconds) });
    }

    public static IEndpointRouteBuilder MapSockets(this IEndpointRouteBuilder endpoints)
    {
        foreach (var endpoint in KittEndpoint.All)
        {
            // The API key scheme alone: a browser's sign-in cookie does not open these sockets.
            var policy = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireRole(EndpointRoles.Of(endpoint)).Build();
            endpoints.Map(endpoint.Path, context => ServeAsync(context, endpoint)).RequireAuthorization(policy);
        }

        return endpoints;
    }

    private static async Task ServeAsync(HttpContext context, KittEndpoint endpoint)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"{endpoint.Path} speaks the KITT protocol over WebSocket; connect with ws://…{endpoint.Path}?client_id=…");
            return;
        }

        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<KittOptions>>().Value;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var clientId = context.Request.Query[ClientIdParameter].ToString().Trim();
        if (clientId.Length is 0 or > 128)
        {
            await RefuseAsync(socket, clientId.Length == 0
                ? "client_id query parameter is required"
                : "client_id must be at most 128 characters", options, context.RequestAborted);
            return;
        }

        var connections = services.GetRequiredService<KittConnections>();
        var sessions = services.GetRequiredService<CircuitTracker>();
        var caller = SocketCaller.Of(context.User);
        var user = caller.Name;
        using var connection = new KittConnection(
            socket, endpoint, clientId, caller, options, services.GetRequiredService<TimeProvider>(), context.RequestAborted);
        if (!connections.TryAdd(connection))
        {
            // Another key's client holds this client_id: a key may not close someone else's connection by reusing it.
            await RefuseAsync(socket, $"client_id '{clientId}' is connected with another API key", options, context.RequestAborted);
            return;
        }

        var sessionId = "ws:" + connection.Id;
        sessions.Opened(sessionId, user, [.. context.User.FindAll(ClaimTypes.Role).Select(c => c.Value)], endpoint.Path,
            SessionKinds.WebSocket, clientId, context.Connection.RemoteIpAddress?.ToString());
        var writer = connection.RunWriterAsync();
        try
        {
            await services.GetRequiredService<KittReceiver>().RunAsync(connection);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away or was cut off after a close it did not answer; either way the link is over.
        }
        finally
        {
            connection.Close(WebSocketCloseStatus.NormalClosure, "");
            await writer;
            connections.Remove(connection);
            sessions.Closed(sessionId);
        }
    }

    /// <summary>Accepts only to say why not: a refusal before the upgrade would reach browser clients as a bare failure.</summary>
    private static async Task RefuseAsync(WebSocket socket, string reason, KittOptions options, CancellationToken aborted)
    {
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        grace.CancelAfter(TimeSpan.FromSeconds(options.CloseGraceSeconds));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, reason, grace.Token);
            var scrap = new byte[256];
            while ((await socket.ReceiveAsync(scrap, grace.Token)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            socket.Abort();
        }
    }
}
