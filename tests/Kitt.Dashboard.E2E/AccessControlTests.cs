using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kitt.Dashboard.E2E;

[Collection(BrowserCollection.Name)]
public sealed class AccessControlTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_new_dispatcher_signs_in_sets_a_password_sees_only_dispatch_and_signs_out()
    {
        var admin = await browser.OpenAsync("/admin/users");
        var (userName, oneTime) = await AdminPages.CreateUserAsync(admin, "Dispatcher");
        await admin.Context.CloseAsync();

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/shipments");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await FirstSignInAsync(page, userName, oneTime);

        await Expect(page).ToHaveURLAsync(new Regex("/shipments$"));
        await BrowserFixture.WaitForCircuitAsync(page);
        var nav = page.Locator(".kitt-nav");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Shipments", Exact = true })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Containers", Exact = true })).ToHaveCountAsync(0);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "dispatcher.png") });

        await page.GotoAsync("/containers");
        await Expect(page.GetByText("Your role does not include this page")).ToBeVisibleAsync();

        await page.GotoAsync("/shipments");
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = userName }).ClickAsync();
        await Expect(page.GetByTestId("user-roles")).ToHaveTextAsync("Dispatcher");
        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login$"));
        await page.GotoAsync("/shipments");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_open_dashboard_within_seconds()
    {
        var admin = await browser.OpenAsync("/admin/users");
        var (userName, oneTime) = await AdminPages.CreateUserAsync(admin, "Operator");
        var page = await browser.NewPageAsync();
        await FirstSignInAsync(page, userName, oneTime);
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();

        await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = userName }).GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = userName })).ToContainTextAsync("disabled");

        // The open circuit revalidates (every 2 s in this run) and sends the browser back to sign in.
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = 20_000 });
        await admin.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_with_a_message()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        for (var i = 0; i < 5; i++)
        {
            await page.GetByLabel("User name").FillAsync("locked-out-" + browser.App.BaseAddress.Port);
            await page.GetByLabel("Password").FillAsync("Not-The-Passw0rd");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wrong user name or password");
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "sign-in.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Api_keys_are_checked_on_kestrel_and_oversized_bodies_get_413()
    {
        var page = await browser.NewPageAsync();
        var api = page.APIRequest;

        var withKey = await api.GetAsync("/stats", new() { Headers = new Dictionary<string, string> { ["X-Api-Key"] = PublishedApp.BootstrapKey } });
        Assert.Equal(200, withKey.Status);
        var wrongKey = await api.GetAsync("/stats", new() { Headers = new Dictionary<string, string> { ["X-Api-Key"] = "kitt_wrong" } });
        Assert.Equal(401, wrongKey.Status);
        var anonymous = await api.GetAsync("/stats", new() { MaxRedirects = 0 });
        Assert.Equal(401, anonymous.Status);

        var oversized = await api.PostAsync("/account/login", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Data = "Input.UserName=" + new string('a', 2 * 1024 * 1024),
            MaxRedirects = 0,
        });
        Assert.Equal(413, oversized.Status);
        await page.Context.CloseAsync();
    }

    /// <summary>Signs in with the one-time password and picks a permanent one, as a new user does.</summary>
    private static async Task FirstSignInAsync(IPage page, string userName, string oneTime)
    {
        await BrowserFixture.SignInAsync(page, userName, oneTime);
        await Expect(page).ToHaveURLAsync(new Regex("/account/change-password$"));
        await page.GetByLabel("Current password").FillAsync(oneTime);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Chosen-Passw0rd-1");
        await page.GetByLabel("New password again").FillAsync("Chosen-Passw0rd-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
    }
}
