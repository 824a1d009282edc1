using System.Net;
using Kitt.Dashboard.Tests.Hosting;

namespace Kitt.Dashboard.Tests.Security;

public sealed class HardeningTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/health")]
    public async Task Responses_carry_the_security_headers(string path)
    {
        using var response = await app.CreateBrowserlikeClient().GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Cross_origin_requests_get_no_cors_grant_by_default()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("Origin", "https://elsewhere.example");
        using var response = await app.CreateBrowserlikeClient().SendAsync(request);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task An_oversized_body_gets_413_before_anything_reads_it()
    {
        using var content = new ByteArrayContent(new byte[(1024 * 1024) + 1]);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var response = await app.CreateBrowserlikeClient().PostAsync("/account/login", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Sign_out_needs_the_antiforgery_token()
    {
        var client = await app.SignedInClientAsync("admin", DashboardAppFactory.AdminPassword);
        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>A host with a tight sign-in limit, to see the limiter answer 429.</summary>
public sealed class TightSignInLimitFactory : DashboardAppFactory
{
    protected override int SignInPerMinute => 3;
}

public sealed class SignInRateLimitTests(TightSignInLimitFactory app) : IClassFixture<TightSignInLimitFactory>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429()
    {
        var client = app.CreateBrowserlikeClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await DashboardAppFactory.PostSignInAsync(client, "nobody", "Wrong-Passw0rd-1");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
