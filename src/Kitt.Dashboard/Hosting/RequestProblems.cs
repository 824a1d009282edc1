using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;

namespace Kitt.Dashboard.Hosting;

/// <summary>
/// A request the framework cannot read — a query value of the wrong type (<c>?take=abc</c>), a body past the size
/// limit sent without a length — is answered with problem details naming the parameter, in one place for every
/// endpoint, rather than an empty 400 or a 500 from whoever was reading.
/// </summary>
public static partial class RequestProblems
{
    public static IServiceCollection AddRequestProblems(this IServiceCollection services) =>
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

    /// <summary>First in the pipeline after the exception handler, so it sees what every later reader throws.</summary>
    public static IApplicationBuilder UseRequestProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await ProblemOf(context, ex).ExecuteAsync(context);
        }
    });

    public static IResult TooLarge(long? limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: limit is { } bytes ? $"The body may be at most {bytes} bytes (Security:MaxRequestBodyBytes)." : "The body is too large.");

    private static IResult ProblemOf(HttpContext context, BadHttpRequestException ex)
    {
        if (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize);
        }

        // The framework's message names the parameter: Failed to bind parameter "int take" from "abc".
        return Parameter().Match(ex.Message) is { Success: true } named
            ? Results.ValidationProblem(new Dictionary<string, string[]> { [named.Groups["name"].Value] = [ex.Message] }, statusCode: ex.StatusCode)
            : Results.Problem(detail: ex.Message, statusCode: ex.StatusCode);
    }

    [GeneratedRegex("""parameter "(?:[^" ]+ )?(?<name>[^" ]+)"?""")]
    private static partial Regex Parameter();
}
