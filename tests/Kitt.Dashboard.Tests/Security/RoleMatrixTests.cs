using System.Net;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Tests.Hosting;

namespace Kitt.Dashboard.Tests.Security;

/// <summary>Each role opens exactly the pages and endpoints the access model gives it.</summary>
public sealed class RoleMatrixTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static readonly Dictionary<string, string[]> PageRoles = new()
    {
        ["/"] = [Roles.Operator, Roles.Admin],
        ["/containers"] = [Roles.Operator, Roles.Admin],
        ["/sessions"] = [Roles.Operator, Roles.Admin],
        ["/alerts"] = [Roles.Analyst, Roles.Admin],
        ["/shipments"] = [Roles.Dispatcher, Roles.Admin],
        ["/admin/users"] = [Roles.Admin],
        ["/admin/api-keys"] = [Roles.Admin],
        ["/admin/rules"] = [Roles.Admin],
        ["/admin/notifications"] = [Roles.Admin],
        ["/admin/receivers"] = [Roles.Admin],
        ["/silences"] = [Roles.Operator, Roles.Analyst, Roles.Admin],
    };

    public static TheoryData<string> AllRoles => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Pages_open_for_their_roles_only(string role)
    {
        var (name, password) = await app.CreateUserAsync(role);
        var client = await app.SignedInClientAsync(name, password);

        foreach (var (page, roles) in PageRoles)
        {
            using var response = await client.GetAsync(page);
            if (roles.Contains(role))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} should open {page}, got {(int)response.StatusCode}");
            }
            else
            {
                Assert.True(
                    response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/access-denied", StringComparison.Ordinal),
                    $"{role} should be refused {page}, got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
    }

    [Theory]
    [InlineData(Roles.Operator, HttpStatusCode.OK)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    [InlineData(Roles.Analyst, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Dispatcher, HttpStatusCode.Forbidden)]
    public async Task Stats_follow_the_api_keys_role(string role, HttpStatusCode expected)
    {
        var keys = (ApiKeyService)app.Services.GetService(typeof(ApiKeyService))!;
        var created = await keys.CreateAsync("matrix-" + role, role, "test");

        using var response = await app.CreateKeyClient(created.Key).GetAsync("/stats");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_user_without_a_role_is_told_so()
    {
        var (name, password) = await app.CreateUserAsync();
        var client = await app.SignedInClientAsync(name, password);

        using var response = await client.GetAsync("/account/access-denied");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no role", await response.Content.ReadAsStringAsync());
    }
}
