using Kitt.Dashboard.Tests.Data;

namespace Kitt.Dashboard.Tests.Hosting;

/// <summary>
/// The app with settings of a test's own, and optionally a database that outlives the app (for restarts): a SQLite
/// file's path, or a <see cref="TestDatabase"/> of either provider.
/// </summary>
public sealed class ConfiguredAppFactory : DashboardAppFactory
{
    private readonly IReadOnlyDictionary<string, string> settings;

    public ConfiguredAppFactory(IReadOnlyDictionary<string, string> settings, string? databasePath = null)
    {
        this.settings = databasePath is null
            ? settings
            : new Dictionary<string, string>(settings) { ["ConnectionStrings:Kitt"] = $"Data Source={databasePath}" };
    }

    public ConfiguredAppFactory(IReadOnlyDictionary<string, string> settings, TestDatabase database)
    {
        this.settings = new Dictionary<string, string>(settings.Concat(database.AppSettings));
    }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
