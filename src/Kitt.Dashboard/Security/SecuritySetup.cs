using Kitt.Dashboard.Data;
using Kitt.Dashboard.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Security;

public static class SecuritySetup
{
    /// <summary>Picks the API key scheme when a key is presented, the sign-in cookie otherwise.</summary>
    public const string Scheme = "Kitt";

    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AuthOptions>(AuthOptions.Section);
        services.AddValidatedOptions<SecurityOptions>(SecurityOptions.Section);
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<SecurityOptions>>(
            (kestrel, security) => kestrel.Limits.MaxRequestBodySize = security.Value.MaxRequestBodyBytes);

        // The keys that sign cookies and antiforgery tokens live in the database: they survive a new container, and
        // every instance on a shared store reads a cookie another issued (a tab moved by a failover stays signed in).
        services.AddDataProtection().SetApplicationName("kitt-dashboard").PersistKeysToDbContext<KittDbContext>();

        services.AddIdentityCore<KittUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<KittDbContext>()
            .AddSignInManager<KittSignInManager>()
            .AddClaimsPrincipalFactory<KittClaimsFactory>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        SignInSessions.Use(services);

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key or sign-in cookie", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.PresentedKey(context) is { Length: > 0 }
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "kitt.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            cookie.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => MachineOr(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => MachineOr(context, StatusCodes.Status403Forbidden),
            };
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Operate, p => p.RequireRole(Policies.RolesOf[Policies.Operate]))
            .AddPolicy(Policies.Analyze, p => p.RequireRole(Policies.RolesOf[Policies.Analyze]))
            .AddPolicy(Policies.Dispatch, p => p.RequireRole(Policies.RolesOf[Policies.Dispatch]))
            .AddPolicy(Policies.Respond, p => p.RequireRole(Policies.RolesOf[Policies.Respond]))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Policies.RolesOf[Policies.Administer]));

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<UserAdministration>();

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<SecurityOptions>>((cors, security) => cors.AddDefaultPolicy(policy =>
        {
            if (security.Value.CorsOrigins.Length > 0)
            {
                policy.WithOrigins(security.Value.CorsOrigins).AllowAnyHeader().AllowAnyMethod();
            }
        }));
        services.AddRateLimits();
        services.AddStartupStep<SecuritySeedStep>();
        return services;
    }

    public static IApplicationBuilder UseSecurity(this WebApplication app)
    {
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (!app.Environment.IsDevelopment() && security.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseBodySizeLimit(security.MaxRequestBodyBytes);
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePasswordChangeGate();
        return app;
    }

    /// <summary>
    /// Refuses a body over the limit with 413 problem details before any endpoint reads it: a declared length at once
    /// (form readers would report a generic 400), a chunked body once it has been read into a buffer of at most the
    /// limit. Endpoints that read the body themselves (the MCP server) would otherwise turn Kestrel's own stop into
    /// a 500.
    /// </summary>
    private static void UseBodySizeLimit(this IApplicationBuilder app, long limit) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            await RequestProblems.TooLarge(limit).ExecuteAsync(context);
            return;
        }

        if (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0)
        {
            request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: limit);
            try
            {
                await request.Body.DrainAsync(context.RequestAborted);
            }
            catch (Exception ex) when (ex is IOException or Microsoft.AspNetCore.Http.BadHttpRequestException)
            {
                await RequestProblems.TooLarge(limit).ExecuteAsync(context);
                return;
            }

            request.Body.Position = 0;
        }

        await next(context);
    });

    private static Task MachineOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (RequestKinds.IsMachine(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
