using System.Net;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Security;

public sealed class SignInTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task Signing_in_lands_on_the_roles_start_page()
    {
        var (name, password) = await app.CreateUserAsync(Roles.Dispatcher);
        using var response = await DashboardAppFactory.PostSignInAsync(app.CreateBrowserlikeClient(), name, password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/shipments", DashboardAppFactory.RedirectPath(response));
    }

    [Fact]
    public async Task A_local_return_url_is_honoured_and_a_foreign_one_is_not()
    {
        var (name, password) = await app.CreateUserAsync(Roles.Operator);
        Assert.True(ReturnUrls.IsLocal("/containers"));
        Assert.False(ReturnUrls.IsLocal("//evil.example/x"));
        Assert.False(ReturnUrls.IsLocal("/\\evil.example"));
        Assert.False(ReturnUrls.IsLocal("https://evil.example"));
        Assert.Equal("/", ReturnUrls.OrHome("//evil.example", [Roles.Operator]));

        var client = app.CreateBrowserlikeClient();
        var page = await client.GetStringAsync("/account/login");
        Assert.Contains("Sign in", page);
        using var response = await DashboardAppFactory.PostSignInAsync(client, name, password);
        Assert.Equal("/", DashboardAppFactory.RedirectPath(response));
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_clear_message_and_five_lock_the_account()
    {
        var (name, password) = await app.CreateUserAsync(Roles.Operator);
        var client = app.CreateBrowserlikeClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await DashboardAppFactory.PostSignInAsync(client, name, "Not-The-Passw0rd");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            var body = await wrong.Content.ReadAsStringAsync();
            Assert.Contains(attempt < 5 ? "Wrong user name or password" : "locked", body);
        }

        using var right = await DashboardAppFactory.PostSignInAsync(client, name, password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        var (name, password) = await app.CreateUserAsync(Roles.Operator);
        var admin = app.Services.GetRequiredService<UserAdministration>();
        var id = (await admin.ListAsync()).Single(u => u.UserName == name).Id;
        Assert.True((await admin.SetDisabledAsync(id, true, "test")).Succeeded);

        using var response = await DashboardAppFactory.PostSignInAsync(app.CreateBrowserlikeClient(), name, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("disabled", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_one_time_password_leads_to_the_change_password_page_and_nowhere_else()
    {
        var admin = app.Services.GetRequiredService<UserAdministration>();
        var created = await admin.CreateAsync("newcomer-" + Guid.NewGuid().ToString("N")[..6], [Roles.Operator], "test");
        Assert.True(created.Succeeded, created.Message);
        var name = (await admin.ListAsync()).Single(u => u.MustChangePassword && u.UserName.StartsWith("newcomer-", StringComparison.Ordinal)).UserName;

        var client = app.CreateBrowserlikeClient();
        using var signIn = await DashboardAppFactory.PostSignInAsync(client, name, created.OneTimePassword!);
        Assert.Equal(PasswordChangeGate.ChangePasswordPath, DashboardAppFactory.RedirectPath(signIn));

        using var page = new HttpRequestMessage(HttpMethod.Get, "/containers");
        page.Headers.Accept.ParseAdd("text/html");
        using var gated = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, gated.StatusCode);
        Assert.Equal(PasswordChangeGate.ChangePasswordPath, DashboardAppFactory.RedirectPath(gated));
    }

    [Fact]
    public async Task The_first_admin_gets_the_configured_password_and_no_default_exists()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KittUser>>();
        var admin = await users.FindByNameAsync(SecuritySeed.AdminUserName);

        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin, DashboardAppFactory.AdminPassword));
        Assert.False(admin.MustChangePassword);
        Assert.Contains(Roles.Admin, await users.GetRolesAsync(admin));
    }

    [Fact]
    public void One_time_passwords_meet_the_password_rules_and_differ()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => OneTimePassword.Create()).ToList();
        Assert.Equal(50, passwords.Distinct().Count());
        Assert.All(passwords, p =>
        {
            Assert.True(p.Length >= 12);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsDigit);
        });
    }
}
