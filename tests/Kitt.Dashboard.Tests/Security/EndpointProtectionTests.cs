using System.Net;
using Kitt.Dashboard.Tests.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Security;

/// <summary>
/// Walks every endpoint the app maps and asks for it without credentials, so a new page or endpoint cannot ship
/// unprotected: only the list below may answer anonymously.
/// </summary>
public sealed class EndpointProtectionTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static readonly HashSet<string> OpenOnPurpose =
    [
        "/health",
        "/health/live",
        "/health/ready",
        "/openapi/{documentName}.json",
        "/account/login",
        "/not-found",
        "/error",
        "/status/{Code:int}",
        // A loading crew's share link: open to anyone, opening nothing without a signed, unexpired, unrevoked token.
        "/share/{Token}",
        "/share/{token}/plan.xlsx",
        "/share/{token}/report.pdf",
        "/share/{token}/steps/{step:int}.png",
    ];

    public static TheoryData<string> OpenRoutes => [.. OpenOnPurpose];

    [Fact]
    public void Only_the_known_routes_allow_anonymous_access()
    {
        var anonymous = Routes()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null && !IsStaticFile(e))
            .Select(e => e.RoutePattern.RawText!)
            .ToHashSet();
        Assert.Subset(OpenOnPurpose, anonymous);
        Assert.Superset(OpenOnPurpose, anonymous);
    }

    [Fact]
    public async Task Every_other_route_refuses_anonymous_requests()
    {
        var client = app.CreateBrowserlikeClient();
        var checkedRoutes = 0;
        foreach (var endpoint in Routes().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            var path = Concrete(endpoint.RoutePattern.RawText!);
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? HttpMethods.Get;
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            using var response = await client.SendAsync(request);

            var refused = response.StatusCode is HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/login", StringComparison.Ordinal))
                // Form posts are checked for their antiforgery token before anything else.
                || (method == HttpMethods.Post && response.StatusCode == HttpStatusCode.BadRequest);
            Assert.True(refused, $"{method} {path} answered {(int)response.StatusCode} without credentials");
            checkedRoutes++;
        }

        Assert.True(checkedRoutes >= 10, $"only {checkedRoutes} routes were checked: the walk is not seeing the app");
    }

    [Theory]
    [MemberData(nameof(OpenRoutes))]
    public async Task Open_routes_answer_without_credentials(string route)
    {
        using var response = await app.CreateBrowserlikeClient().GetAsync(Concrete(route));
        Assert.True((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.Unauthorized && response.StatusCode != HttpStatusCode.Redirect,
            $"{route} answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Static_files_are_served_to_anonymous_visitors_for_the_sign_in_page()
    {
        using var response = await app.CreateBrowserlikeClient().GetAsync("/css/app.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private IEnumerable<RouteEndpoint> Routes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null);

    // MapStaticAssets' file endpoints (css, js, fingerprinted copies) are public by design.
    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        Path.HasExtension(endpoint.RoutePattern.RawText!.Split('{')[0].TrimEnd('/'))
        || endpoint.RoutePattern.RawText!.Contains("_framework", StringComparison.Ordinal)
        || endpoint.RoutePattern.RawText!.Contains("_content", StringComparison.Ordinal);

    private static string Concrete(string pattern)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, "{[^}]*int[^}]*}", "1");
        path = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]*}", "x");
        return path.StartsWith('/') ? path : "/" + path;
    }
}
