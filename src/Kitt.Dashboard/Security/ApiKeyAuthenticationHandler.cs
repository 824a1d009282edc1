using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Security;

/// <summary>
/// Authenticates scripts by the <c>X-Api-Key</c> header or the same key as <c>Authorization: Bearer &lt;key&gt;</c>
/// (Prometheus and most monitoring agents can send only that), and WebSocket clients also by the <c>api_key</c> query
/// parameter (browsers cannot set headers on a WebSocket).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyIdClaim = "kitt:api_key_id";
    private const string BearerPrefix = "Bearer ";

    public static string? PresentedKey(HttpContext context)
    {
        if (context.Request.Headers.TryGetValue(ApiKeyService.Header, out var header) && !string.IsNullOrEmpty(header))
        {
            return header.ToString();
        }

        if (BearerKey(context.Request.Headers.Authorization.ToString()) is { } bearer)
        {
            return bearer;
        }

        return context.WebSockets.IsWebSocketRequest && context.Request.Query.TryGetValue(ApiKeyService.QueryParameter, out var query)
            ? query.ToString()
            : null;
    }

    private static string? BearerKey(string authorization) =>
        authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && authorization.Length > BearerPrefix.Length
            ? authorization[BearerPrefix.Length..].Trim()
            : null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Context) is not { Length: > 0 } presented)
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.ValidateAsync(presented, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "api-key:" + key.Name),
                new Claim(ClaimTypes.Role, key.Role),
                new Claim(KeyIdClaim, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = new Microsoft.Extensions.Primitives.StringValues(
            [$"{SchemeName} header=\"{ApiKeyService.Header}\"", "Bearer realm=\"kitt\""]);
        return Task.CompletedTask;
    }
}
