using Kitt.Testing;
using Microsoft.Playwright;

namespace Kitt.Dashboard.E2E;

/// <summary>One published dashboard and one Debian Chromium for the whole end-to-end run.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public PublishedApp App { get; private set; } = default!;

    /// <summary>The Docker engine the dashboard watches: a private dockerd of this test run.</summary>
    public DockerEngine Engine { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public static string ArtifactsFolder { get; } = Directory.CreateDirectory(
        Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public async Task InitializeAsync()
    {
        // Playwright's 5 s default is tight for a 2-core CI machine building, publishing and running a browser at once;
        // every expectation still fails, just later, when what a person would see never comes.
        Assertions.SetDefaultExpectTimeout(15_000);
        await Engine.InitializeAsync();
        App = await PublishedApp.PublishAndStartAsync(Engine.Endpoint);
        playwright = await Playwright.CreateAsync();
        Browser = await HeadlessChromium.LaunchAsync(playwright);
    }

    /// <summary>
    /// A fresh browser context (own cookies), signed in as the admin, on <paramref name="path"/> of the run's dashboard
    /// (or of <paramref name="app"/>), ready for input.
    /// </summary>
    public async Task<IPage> OpenAsync(string path = "/", PublishedApp? app = null)
    {
        var page = await NewPageAsync(app);
        await SignInAsync(page, "admin", PublishedApp.AdminPassword);
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>A fresh browser context with no one signed in.</summary>
    public async Task<IPage> NewPageAsync(PublishedApp? app = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (app ?? App).BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in form, as a person does.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Signed in once the browser is sent on; the page it lands on loads in its own time (the first one after a
        // start can take a while on a busy machine), and callers wait for what they need of it.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
    }

    /// <summary>
    /// Waits until the circuit drives the page and the layout's browser modules are loaded (the keyboard module
    /// marks <c>html[data-shortcuts]</c> after the first interactive render); clicks before that hit prerendered HTML.
    /// </summary>
    public static async Task WaitForCircuitAsync(IPage page)
    {
        var attached = new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 };
        await page.Locator("#kitt-ready[data-interactive='true']").WaitForAsync(attached);
        await page.Locator("html[data-shortcuts='on']").WaitForAsync(attached);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
            await File.WriteAllLinesAsync(Path.Combine(ArtifactsFolder, "app.log"), App.Log);
        }

        await Engine.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
