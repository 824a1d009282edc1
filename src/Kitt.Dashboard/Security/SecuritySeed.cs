using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Security;

/// <summary>
/// First run: the four roles, an <c>admin</c> account and, for automation, the configured bootstrap API key.
/// No default password exists: without <c>Auth:AdminPassword</c> a one-time password is logged once.
/// </summary>
public static class SecuritySeed
{
    public const string AdminUserName = "admin";

    public static async Task SeedSecurityAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var auth = provider.GetRequiredService<IOptions<AuthOptions>>().Value;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecuritySeed));

        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), "create role " + role);
            }
        }

        var users = provider.GetRequiredService<UserManager<KittUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0 && await users.FindByNameAsync(AdminUserName) is null)
        {
            var configured = !string.IsNullOrEmpty(auth.AdminPassword);
            var password = configured ? auth.AdminPassword! : OneTimePassword.Create();
            var admin = new KittUser
            {
                UserName = AdminUserName,
                MustChangePassword = !configured,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            Check(await users.CreateAsync(admin, password), "create the admin account (Auth:AdminPassword)");
            Check(await users.AddToRoleAsync(admin, Roles.Admin), "make admin an Admin");
            if (!configured)
            {
                logger.LogWarning(
                    "First run: sign in as '{User}' with the one-time password {Password} — it must be changed at first sign-in and is not shown again",
                    AdminUserName,
                    password);
            }
        }

        if (!string.IsNullOrEmpty(auth.BootstrapApiKey))
        {
            await provider.GetRequiredService<ApiKeyService>().EnsureAsync("bootstrap", Roles.Admin, auth.BootstrapApiKey, cancellationToken);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Cannot {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
