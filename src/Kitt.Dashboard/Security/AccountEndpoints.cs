using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Kitt.Dashboard.Security;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints)
    {
        // A form post with an antiforgery token, so another site cannot sign an operator out.
        endpoints.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<KittUser> signIn) =>
        {
            // The endpoint binds no form, so the antiforgery middleware would only record a failure: check it here.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem("The sign-out form has expired; reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        })
        .RequireAuthorization();
        return endpoints;
    }
}
