namespace Kitt.Dashboard.Security;

/// <summary>
/// Someone signed in with a one-time password sees nothing but the change-password page until they pick their own.
/// </summary>
public static class PasswordChangeGate
{
    public const string ChangePasswordPath = "/account/change-password";

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && user.HasClaim(KittClaimsFactory.MustChangePasswordClaim, "true")
            && !context.Request.Path.StartsWithSegments("/account")
            && !context.Request.Path.StartsWithSegments("/health"))
        {
            if (RequestKinds.IsMachine(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            // Page navigations only: the change-password page itself still needs its styles and scripts.
            if (context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
            {
                context.Response.Redirect(ChangePasswordPath);
                return Task.CompletedTask;
            }
        }

        return next(context);
    });
}
