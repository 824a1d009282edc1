namespace Kitt.Dashboard.Tests.Hosting;

/// <summary>The app with settings of a test's own, and optionally a database file that outlives the app (for restarts).</summary>
public sealed class ConfiguredAppFactory(IReadOnlyDictionary<string, string> settings, string? databasePath = null) : DashboardAppFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (databasePath is not null)
        {
            builder.UseSetting("ConnectionStrings:Kitt", $"Data Source={databasePath}");
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
