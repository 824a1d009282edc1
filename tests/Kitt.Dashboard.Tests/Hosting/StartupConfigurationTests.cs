using System.Diagnostics;

namespace Kitt.Dashboard.Tests.Hosting;

/// <summary>
/// The real app, started as a process the way an operator starts it, with one bad setting: it must stop before it
/// touches the database or opens a port, exit non-zero and say which key is wrong, by which rule, with which value.
/// </summary>
public sealed class StartupConfigurationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kitt-config-").FullName;

    [Theory]
    [InlineData("Docker__PollSeconds", "0", "Docker:PollSeconds must be between 1 and 3600, got 0")]
    [InlineData("Kitt__SendQueueCapacity", "0", "Kitt:SendQueueCapacity must be between 1 and 100000, got 0")]
    [InlineData("Alerts__Thresholds__CpuPercent", "150", "Alerts:Thresholds:CpuPercent must be between 0 and 100, got 150")]
    [InlineData("Docker__Endpoint", "", "Docker:Endpoint is required")]
    [InlineData("Packing__MaxConcurrency", "two", "'Packing:MaxConcurrency'")]
    [InlineData("Proxy__KnownProxies__0", "10.0.0.300", "Proxy:KnownProxies:0 must be an IP address, got '10.0.0.300'")]
    [InlineData("Proxy__KnownNetworks__0", "10.0.0.0/33", "Proxy:KnownNetworks:0 must be a network in CIDR form such as 10.0.0.0/8, got '10.0.0.0/33'")]
    [InlineData("Database__Provider", "mysql", "Database:Provider must be sqlite or postgres")]
    [InlineData("Database__Provider", "postgres", "ConnectionStrings:Kitt is required when Database:Provider is postgres", "ConnectionStrings__Kitt", "")]
    [InlineData("Alerts__Receivers__ops__Kind", "pager", "Alerts:Receivers:ops:Kind must be one of webhook, slack, email, alertmanager, got 'pager'")]
    [InlineData("Alerts__Receivers__ops__Kind", "webhook", "Alerts:Receivers:ops:Url must be an absolute http or https address, got ''")]
    [InlineData("Alerts__Receivers__ops__Kind", "email", "Alerts:Receivers:ops:Smtp:Host is required for an email receiver", "Alerts__Receivers__ops__To", "ops@example.com")]
    [InlineData("Alerts__Routes__0__Receiver", "nobody", "Alerts:Routes:0:Receiver must name a receiver under Alerts:Receivers (none configured), got 'nobody'")]
    public async Task A_bad_setting_stops_the_start_naming_its_key(string variable, string value, string expected, string? alsoVariable = null, string? alsoValue = null)
    {
        var database = Path.Combine(folder, "kitt.db");
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Kitt.Dashboard.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ConnectionStrings__Kitt"] = $"Data Source={database}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment[variable] = value;
        if (alsoVariable is not null)
        {
            info.Environment[alsoVariable] = alsoValue;
        }

        using var app = Process.Start(info)!;
        var output = app.StandardOutput.ReadToEndAsync();
        var errors = app.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await app.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            app.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"the app kept running with {variable}={value}: {await output}");
        }

        var said = await errors;
        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains(expected, said, StringComparison.Ordinal);
        Assert.Single(said.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("Configuration error: ", StringComparison.Ordinal));
        Assert.False(File.Exists(database), "the database was created before the configuration was checked");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
