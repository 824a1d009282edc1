using System.Net;
using System.Text.RegularExpressions;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Tests.Data;
using Kitt.Dashboard.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kitt.Dashboard.Tests.Hosting;

/// <summary>
/// The real app on the test host, with its own SQLite file, a Docker endpoint that is surely absent, a known admin
/// password and bootstrap API key, and sign-in limits loose enough for many tests to sign in.
/// </summary>
public partial class DashboardAppFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-Passw0rd-For-Tests";
    public const string BootstrapKey = "kitt_test_bootstrap_key_0123456789abcdef";

    private readonly string folder = Directory.CreateTempSubdirectory("kitt-api-").FullName;

    private TestDatabase? postgres;

    public string DatabasePath => Path.Combine(folder, "db", "kitt.db");

    /// <summary>The database the app runs on: its own SQLite file, or with <see cref="StoreKind.Postgres"/> its own database on the run's cluster.</summary>
    protected virtual StoreKind Store => StoreKind.Sqlite;

    /// <summary>A context on the app's database, for tests that read what the app stored.</summary>
    public KittDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<KittDbContext>>().CreateDbContext();

    /// <summary>An engine endpoint where surely no engine runs, unless a test hands over a real one.</summary>
    public virtual string DockerEndpoint => $"unix://{Path.Combine(folder, "docker.sock")}";

    protected virtual int SignInPerMinute => 10_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Store == StoreKind.Postgres)
        {
            postgres ??= new TestDatabase(kind: StoreKind.Postgres);
            foreach (var (key, value) in postgres.AppSettings)
            {
                builder.UseSetting(key, value);
            }
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Kitt", $"Data Source={DatabasePath}");
        }

        builder.UseSetting("Docker:Endpoint", DockerEndpoint);
        builder.UseSetting("Auth:AdminPassword", AdminPassword);
        builder.UseSetting("Auth:BootstrapApiKey", BootstrapKey);
        builder.UseSetting("Security:SignInPerMinute", SignInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The app listens before its start-up work (migrations, the seed) is done; tests begin once it is ready.</summary>
    protected virtual bool WaitsForStartup => true;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (!WaitsForStartup)
        {
            return host;
        }

        host.Services.GetRequiredService<StartupWork>().Ready.WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        return host;
    }

    /// <summary>A client that keeps cookies but shows redirects instead of following them.</summary>
    public HttpClient CreateBrowserlikeClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public HttpClient CreateKeyClient(string key)
    {
        var client = CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add(ApiKeyService.Header, key);
        return client;
    }

    /// <summary>Creates a user with the given roles and a known password (already changed, so no gate).</summary>
    public async Task<(string UserName, string Password)> CreateUserAsync(params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KittUser>>();
        var name = "user-" + Guid.NewGuid().ToString("N")[..8];
        const string password = "Test-Passw0rd-123";
        var user = new KittUser { UserName = name, CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        if (roles.Length > 0)
        {
            Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        }

        return (name, password);
    }

    /// <summary>Posts the sign-in form as a browser would (antiforgery token, form name) and returns the response.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    public async Task<HttpClient> SignedInClientAsync(string userName, string password)
    {
        var client = CreateBrowserlikeClient();
        using var response = await PostSignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The path a redirect points to, whether the server wrote it absolute or relative.</summary>
    public static string RedirectPath(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException($"no redirect: {(int)response.StatusCode}");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        postgres?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
