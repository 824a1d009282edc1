using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Security;

/// <summary>Adds the "must change password" mark to the sign-in cookie, so the gate needs no database read.</summary>
public sealed class KittClaimsFactory(
    UserManager<KittUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<KittUser, IdentityRole>(userManager, roleManager, options)
{
    public const string MustChangePasswordClaim = "kitt:must_change_password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(KittUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }

        return identity;
    }
}
