using Kitt.Dashboard.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Kitt.Dashboard.Hosting;

/// <summary>The OpenAPI document of the REST API, at <c>/openapi/v1.json</c>.</summary>
public static class OpenApiSetup
{
    private const string ApiKeyScheme = "ApiKey";
    private const string BearerScheme = "Bearer";
    private const string CookieScheme = "Cookie";

    public static IServiceCollection AddApiDescription(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        // Pages, form posts, sockets and the MCP server speak their own protocols: the document is the REST API and its probes.
        options.ShouldInclude = description => description.RelativePath is { } path
            && (path.StartsWith("api/", StringComparison.Ordinal) || path is "health" or "stats");
        options.AddDocumentTransformer((document, context, _) =>
        {
            document.Info = new OpenApiInfo { Title = "Kitt.Dashboard", Version = "v1" };
            document.AddComponent<IOpenApiSecurityScheme>(ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyService.Header,
                Description = "An API key; its role decides what it may call.",
            });
            document.AddComponent<IOpenApiSecurityScheme>(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The same API key as `Authorization: Bearer <key>`, for clients such as Prometheus that send a bearer token.",
            });

            // Read from the cookie options, so the document names the cookie the app really sets.
            var cookie = context.ApplicationServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
                .Get(IdentityConstants.ApplicationScheme).Cookie.Name;
            document.AddComponent<IOpenApiSecurityScheme>(CookieScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = cookie,
                Description = "The browser's sign-in at /account/login.",
            });
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            // The fallback policy asks every endpoint for a caller unless it allows anonymous ones.
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            {
                return Task.CompletedTask;
            }

            // Any one of them will do: each is a requirement of its own.
            operation.Security = [.. new[] { ApiKeyScheme, BearerScheme, CookieScheme }.Select(scheme =>
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] })];

            // Answered by the middleware before the endpoint runs, with an empty body.
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No credentials, or a key that is unknown or revoked." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The caller's role may not call this, or a one-time password must be changed first." });
            if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            {
                operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Too many calls with this key (or from this address); Retry-After says when to try again." });
            }

            return Task.CompletedTask;
        });
    });

    public static WebApplication MapApiDescription(this WebApplication app)
    {
        // It describes endpoints and schemas, never data, and a client needs it before it holds a key.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }
}
