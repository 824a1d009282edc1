using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kitt.Dashboard.E2E;

/// <summary>What an admin does in the admin pages, as tests need it done.</summary>
public static class AdminPages
{
    /// <summary>The admin creates an account in the Users page and reads the one-time password off the screen.</summary>
    public static async Task<(string UserName, string OneTimePassword)> CreateUserAsync(IPage admin, string role)
    {
        var userName = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..6];
        await admin.GetByLabel("User name").FillAsync(userName);
        foreach (var other in new[] { "Operator", "Analyst", "Dispatcher", "Admin" })
        {
            await admin.GetByRole(AriaRole.Checkbox, new() { Name = other }).SetCheckedAsync(other == role);
        }

        await admin.GetByTestId("create-user").ClickAsync();
        var oneTime = (await admin.GetByTestId("one-time-secret").TextContentAsync())!.Trim();
        await Expect(admin.GetByTestId("users-table")).ToContainTextAsync(userName);
        return (userName, oneTime);
    }

    /// <summary>The admin creates an API key in the API keys page and reads it off the screen (it is shown once).</summary>
    public static async Task<string> CreateApiKeyAsync(IPage admin, string name)
    {
        await admin.GetByLabel("Name (what uses it)").FillAsync(name);
        await admin.GetByTestId("create-key").ClickAsync();
        var key = (await admin.GetByTestId("one-time-secret").TextContentAsync())!.Trim();
        await Expect(admin.GetByTestId("keys-table")).ToContainTextAsync(name);
        return key;
    }
}
