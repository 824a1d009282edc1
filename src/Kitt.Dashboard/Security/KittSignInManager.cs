using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Security;

/// <summary>Identity's sign-in manager, refusing disabled accounts.</summary>
public sealed class KittSignInManager(
    UserManager<KittUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<KittUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<KittUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<KittUser> confirmation)
    : SignInManager<KittUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(KittUser user) => !user.Disabled && await base.CanSignInAsync(user);
}
