using Kitt.Testing;
using System.Diagnostics;
using Microsoft.Playwright;

namespace Kitt.Dashboard.Bench;

/// <summary>The published dashboard on a fresh SQLite file with a known admin and API key, and a signed-in Chromium page.</summary>
internal sealed class BenchApp : IAsyncDisposable
{
    public const string AdminPassword = "Bench-Admin-Passw0rd";
    public const string ApiKey = "kitt_bench_key_0123456789abcdef0123";

    private readonly string folder = Directory.CreateTempSubdirectory("kitt-bench-").FullName;
    private Process? process;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseAddress { get; private set; } = default!;

    public IPage Page { get; private set; } = default!;

    public HttpClient Api { get; private set; } = default!;

    public static async Task<BenchApp> StartAsync(string appDll, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = await StartServerAsync(appDll, settings);
        await app.OpenBrowserAsync();
        return app;
    }

    /// <summary>The app's process alone, for clients that are not browsers.</summary>
    /// <param name="settings">Settings of the bench's own (<c>Docker:Endpoint</c>, a database file), over the defaults.</param>
    /// <param name="waitUntilHealthy">False to return as soon as the process runs, for a bench that watches the start.</param>
    public static async Task<BenchApp> StartServerAsync(string appDll, IReadOnlyDictionary<string, string>? settings = null, bool waitUntilHealthy = true)
    {
        var app = new BenchApp();
        await app.StartProcessAsync(appDll, settings ?? new Dictionary<string, string>(), waitUntilHealthy);
        return app;
    }

    public int ProcessId => process!.Id;

    private async Task StartProcessAsync(string appDll, IReadOnlyDictionary<string, string> settings, bool waitUntilHealthy)
    {
        var port = Kitt.Testing.FreePort.Next();
        var info = new ProcessStartInfo("dotnet", [appDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Auth__AdminPassword"] = AdminPassword;
        info.Environment["Auth__BootstrapApiKey"] = ApiKey;
        info.Environment["Docker__Endpoint"] = $"unix://{Path.Combine(folder, "no-docker.sock")}";
        info.Environment["Security__ApiPer10Seconds"] = "100000";
        info.Environment["Security__SignInPerMinute"] = "1000";
        info.Environment["Security__WebSocketConnectsPerMinute"] = "1000000";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Api = new HttpClient { BaseAddress = BaseAddress };
        Api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        if (!waitUntilHealthy)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await Api.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the dashboard did not become healthy within 60 s");
    }

    private async Task OpenBrowserAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await HeadlessChromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        Page = await context.NewPageAsync();
        await Page.GotoAsync("/account/login");
        await Page.GetByLabel("User name").FillAsync("admin");
        await Page.GetByLabel("Password").FillAsync(AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Opens a page and waits until the circuit drives it.</summary>
    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.Locator("#kitt-ready[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Page.Locator("html[data-shortcuts='on']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }

    /// <summary>A CSV of <paramref name="boxes"/> boxes in lines of ten, sizes drawn from [min, max] cm.</summary>
    public static string ItemsCsv(int boxes, int seed, int min, int max)
    {
        var random = new Random(seed);
        var csv = new System.Text.StringBuilder("sku,length,width,height,weightKg,quantity,fragile\n");
        for (var line = 0; boxes > 0; line++)
        {
            var quantity = Math.Min(10, boxes);
            boxes -= quantity;
            csv.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"SKU-{line:000},{random.Next(min, max + 1)},{random.Next(min, max + 1)},{random.Next(min, max + 1)},{random.Next(2, 40)},{quantity},{(line % 7 == 3 ? "yes" : "no")}\n");
        }

        return csv.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        Api?.Dispose();
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
