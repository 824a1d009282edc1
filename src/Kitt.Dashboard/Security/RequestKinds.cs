using Microsoft.AspNetCore.Diagnostics;

namespace Kitt.Dashboard.Security;

/// <summary>
/// Tells machine requests (REST, stats, metrics, WebSocket) from pages: machines get 401/403, people a sign-in page.
/// </summary>
public static class RequestKinds
{
    public static bool IsMachine(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        || request.Path.StartsWithSegments("/stats")
        || request.Path.StartsWithSegments("/metrics")
        || request.Path.StartsWithSegments("/ws")
        || request.Path.StartsWithSegments("/mcp")
        || request.HttpContext.WebSockets.IsWebSocketRequest && !request.Path.StartsWithSegments("/_blazor");

    /// <summary>REST and WebSocket clients get bare status codes (or problem details), never an HTML status page.</summary>
    public static IApplicationBuilder UseMachineStatusCodes(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (IsMachine(context.Request) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        return next(context);
    });
}
