using Kitt.Testing;
using static Microsoft.Playwright.Assertions;

namespace Kitt.Dashboard.E2E;

/// <summary>The published app carries and uses the repository's top-level appsettings.json and wwwroot/.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublishedOutputTests(BrowserFixture browser)
{
    [Fact]
    public void Publish_output_holds_the_top_level_files()
    {
        Assert.Equal(File.ReadAllText(Repo("appsettings.json")), File.ReadAllText(Path.Combine(browser.App.AppFolder, "appsettings.json")));
        Assert.Equal(File.ReadAllText(Repo("wwwroot", "css", "app.css")), File.ReadAllText(Path.Combine(browser.App.AppFolder, "site", "css", "app.css")));
    }

    [Theory]
    [InlineData("css/app.css")]
    [InlineData("css/reconnect.css")]
    [InlineData("js/preferences.js")]
    public async Task Published_app_serves_the_top_level_wwwroot(string file)
    {
        var page = await browser.OpenAsync();
        var response = await page.APIRequest.GetAsync(file);
        Assert.Equal(200, response.Status);
        Assert.Equal(File.ReadAllText(Repo("wwwroot", file)), await response.TextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Published_app_reads_the_top_level_appsettings()
    {
        // Product:Name exists only in appsettings.json (the code falls back to "Kitt"), and the app runs from
        // a different working directory than its files.
        var page = await browser.OpenAsync("/containers");
        await Expect(page).ToHaveTitleAsync("Containers · Kitt Dashboard");
        await page.Context.CloseAsync();
    }

    private static string Repo(params string[] parts) => RepoRoot.Combine(parts);
}
