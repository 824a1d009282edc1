using Kitt.Testing;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Hosting;

/// <summary>The repository's top-level appsettings.json and wwwroot/ are what the running app uses.</summary>
public sealed class TopLevelFilesTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public void Top_level_appsettings_is_the_apps_configuration()
    {
        using var repoSettings = JsonDocument.Parse(File.ReadAllText(RepoRoot.Combine("appsettings.json")));
        var configuration = app.Services.GetRequiredService<IConfiguration>();

        Assert.Equal(
            repoSettings.RootElement.GetProperty("Product").GetProperty("Name").GetString(),
            configuration["Product:Name"]);
        Assert.Equal(
            repoSettings.RootElement.GetProperty("Alerts").GetProperty("Thresholds").GetProperty("CpuPercent").GetDouble(),
            configuration.GetValue<double>("Alerts:Thresholds:CpuPercent"));
    }

    [Fact]
    public void Settings_passed_to_the_host_override_the_file()
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        Assert.Equal(app.DockerEndpoint, configuration["Docker:Endpoint"]);
    }

    [Theory]
    [InlineData("css/app.css")]
    [InlineData("js/preferences.js")]
    [InlineData("favicon.svg")]
    public async Task Top_level_wwwroot_is_served(string file)
    {
        var served = await app.CreateClient().GetStringAsync("/" + file);
        Assert.Equal(await File.ReadAllTextAsync(RepoRoot.Combine("wwwroot", file)), served);
    }

    [Fact]
    public async Task Database_is_created_migrated_and_in_wal_mode()
    {
        _ = app.Services;
        Assert.True(File.Exists(app.DatabasePath));

        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        Assert.Equal("wal", await Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal("1", await Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'component_events';"));
        Assert.NotEqual("0", await Scalar(connection, "SELECT count(*) FROM __EFMigrationsHistory;"));
    }

    private static async Task<string?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
