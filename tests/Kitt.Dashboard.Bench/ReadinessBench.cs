using System.Diagnostics;
using System.Net;
using Kitt.Dashboard.Alerts;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// The published dashboard started on a database whose alerts (a million by default) were stored before alert
/// search kept their words (the upgrade the start-up work does): from the moment the process starts, both probes are
/// asked every 100 ms. Reports when <c>/health/live</c> first answers 200, how long <c>/health/ready</c> answers 503
/// (and what it says meanwhile), and when it turns 200.
/// </summary>
internal static class ReadinessBench
{
    public static async Task<int> RunAsync(string appDll, int count)
    {
        var folder = Directory.CreateTempSubdirectory("kitt-readiness-").FullName;
        try
        {
            var database = Path.Combine(folder, "kitt.db");
            await OlderDatabaseAsync(database, count);
            var clock = Stopwatch.StartNew();
            await using var app = await BenchApp.StartServerAsync(appDll, new Dictionary<string, string> { ["ConnectionStrings:Kitt"] = $"Data Source={database}" }, waitUntilHealthy: false);
            using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
            double? live = null;
            double? ready = null;
            var notReady = 0;
            var stages = new HashSet<string>();
            while (ready is null && clock.Elapsed < TimeSpan.FromMinutes(10))
            {
                var (liveCode, _) = await AskAsync(http, "health/live");
                if (liveCode == HttpStatusCode.OK)
                {
                    live ??= clock.Elapsed.TotalSeconds;
                    var (readyCode, body) = await AskAsync(http, "health/ready");
                    if (readyCode == HttpStatusCode.OK)
                    {
                        ready = clock.Elapsed.TotalSeconds;
                    }
                    else if (readyCode == HttpStatusCode.ServiceUnavailable)
                    {
                        notReady++;
                        stages.Add(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("checks")[0].GetProperty("reason").GetString()!);
                    }
                }

                await Task.Delay(100);
            }

            Console.WriteLine($"upgrade of {count:N0} older alerts: /health/live 200 after {live:0.00} s; /health/ready 503 on {notReady} probes " +
                              $"({string.Join("; ", stages)}), 200 after {ready:0.0} s");
            return live < 3 && ready is not null && notReady > 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(HttpStatusCode? Code, string Body)> AskAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (null, "");
        }
    }

    /// <summary>
    /// A database as an older dashboard left it: the alerts without their words and the migration's marker that the
    /// words are still to be filled in (the index's update trigger left out while the words are emptied, as the
    /// upgrade itself does, or emptying them would take minutes).
    /// </summary>
    private static async Task OlderDatabaseAsync(string database, int count)
    {
        var connectionString = $"Data Source={database}";
        await using (var db = new DbFactory(new Kitt.Dashboard.Data.Sqlite.SqliteStore(), connectionString).CreateDbContext())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var fill = Stopwatch.StartNew();
        await AlertsBench.FillAsync(connectionString, count);
        await using (var db = new DbFactory(new Kitt.Dashboard.Data.Sqlite.SqliteStore(), connectionString).CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync(
                $"DROP TRIGGER alerts_fts_update; UPDATE alerts SET SearchText = ''; CREATE TABLE IF NOT EXISTS {AlertsFullText.PendingMarker} (Since INTEGER);");
        }

        Console.WriteLine($"stored {count:N0} older alerts in {fill.Elapsed.TotalSeconds:0.0} s");
    }
}
