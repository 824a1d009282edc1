using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.RouteNews;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Shipments;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.Protocol;

namespace Kitt.Dashboard.Mcp;

/// <summary>The MCP tool server: streamable HTTP at <c>/mcp</c>, for API keys only.</summary>
public static class McpServerSetup
{
    public const string Path = "/mcp";

    /// <summary>
    /// Stateless: every call is a request of its own, authenticated and authorized by its key like a REST call, and
    /// nothing is kept between calls, so no session can outlive a revoked key.
    /// </summary>
    public static IServiceCollection AddMcpTools(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddMcpServer(server => server.ServerInfo = new Implementation { Name = "kitt-dashboard", Version = "1.0" })
            .WithHttpTransport(http => http.Stateless = true)
            .AddAuthorizationFilters()
            .WithRequestFilters(filters => filters.AddCallToolFilter(ArgumentSchemaFilter.Check))
            .WithTools<ShipmentTools>(ToolJson.Options)
            .WithTools<PackingTools>(ToolJson.Options)
            .WithTools<RouteTools>(ToolJson.Options)
            .WithTools<AlertTools>(ToolJson.Options)
            .WithTools<ContainerTools>(ToolJson.Options);
        return services;
    }

    /// <summary>
    /// Only the API key scheme: a browser's sign-in cookie does not open the tool server, and a call without a key
    /// is answered 401 by the key scheme's challenge rather than sent to the sign-in page.
    /// </summary>
    public static IEndpointConventionBuilder MapMcpTools(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMcp(Path).RequireAuthorization(
            new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());
}
