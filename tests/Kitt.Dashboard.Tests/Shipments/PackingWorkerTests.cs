using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Dashboard.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Shipments;

/// <summary>The packing queue on each provider: resumed after restarts and crashes, bounded, cancelled, timed out.</summary>
public abstract class PackingWorkerTests(StoreKind kind) : IDisposable
{
    private static readonly Dictionary<string, string> SlowSearch = new()
    {
        ["Packing:SearchSeconds"] = "60",
        ["Packing:MaxConcurrency"] = "1",
    };

    [Fact]
    public async Task A_job_interrupted_by_a_restart_is_resumed_and_completes_on_the_same_database()
    {
        using var database = new TestDatabase(kind: kind);
        long id;
        await using (var first = new ConfiguredAppFactory(SlowSearch, database))
        {
            var client = first.CreateKeyClient(DashboardAppFactory.BootstrapKey);
            id = await SampleShipments.CreateAsync(client, SampleShipments.Overflowing(SampleShipments.NewReference()));
            await SampleShipments.WaitForStatusAsync(client, id, "packing");
        }

        // Stopped mid-search: the job is back in the queue (or still marked as running, as after a crash), with
        // no plan written; either way the next start resumes it.
        var (status, attempts) = await StatusInFileAsync(database, id);
        Assert.Contains(status, new[] { "queued", "packing" });
        Assert.Equal(1, attempts);

        await using var second = new ConfiguredAppFactory(new Dictionary<string, string> { ["Packing:SearchSeconds"] = "0.3" }, database);
        var resumed = second.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        var plan = await SampleShipments.WaitForStatusAsync(resumed, id, "packed", "failed");

        Assert.Equal("packed", plan.GetProperty("status").GetString());
        Assert.True(plan.GetProperty("placements").GetArrayLength() > 10);
        Assert.NotEmpty(plan.GetProperty("unplaced").EnumerateArray());
        var details = await resumed.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}");
        Assert.Equal(2, details.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task After_a_crash_running_jobs_are_resumed_unless_they_were_interrupted_too_often()
    {
        using var database = new TestDatabase(kind: kind);
        long resumable, hopeless;
        await using (var first = new ConfiguredAppFactory(new Dictionary<string, string> { ["Realtime:Packing"] = "false" }, database))
        {
            var client = first.CreateKeyClient(DashboardAppFactory.BootstrapKey);
            resumable = await SampleShipments.CreateAsync(client, SampleShipments.Small(SampleShipments.NewReference()));
            hopeless = await SampleShipments.CreateAsync(client, SampleShipments.Small(SampleShipments.NewReference()));
        }

        // As a process killed mid-search leaves them: marked running, no plan.
        await ExecuteAsync(database, $"UPDATE shipments SET \"Status\" = 'packing', \"Attempts\" = 1 WHERE \"Id\" = {resumable}");
        await ExecuteAsync(database, $"UPDATE shipments SET \"Status\" = 'packing', \"Attempts\" = 3 WHERE \"Id\" = {hopeless}");

        await using var second = new ConfiguredAppFactory(new Dictionary<string, string>(), database);
        var client2 = second.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        await SampleShipments.WaitForStatusAsync(client2, resumable, "packed");
        await SampleShipments.WaitForStatusAsync(client2, hopeless, "failed");
        var failed = await client2.GetFromJsonAsync<JsonElement>($"/api/shipments/{hopeless}");
        Assert.Contains("interrupted 3 times", failed.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Jobs_run_one_at_a_time_when_so_bounded_and_cancel_stops_a_running_search()
    {
        await using var app = new ConfiguredAppFactory(SlowSearch, Database);
        var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        var first = await SampleShipments.CreateAsync(client, SampleShipments.Overflowing(SampleShipments.NewReference()));
        await SampleShipments.WaitForStatusAsync(client, first, "packing");
        var second = await SampleShipments.CreateAsync(client, SampleShipments.Overflowing(SampleShipments.NewReference()));
        await Task.Delay(500);
        Assert.Equal("queued", (await client.GetFromJsonAsync<JsonElement>($"/api/shipments/{second}")).GetProperty("status").GetString());

        using var cancelled = await client.PostAsync($"/api/shipments/{first}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        // The freed slot takes the next job, and the cancelled search never writes its plan.
        await SampleShipments.WaitForStatusAsync(client, second, "packing");
        await Task.Delay(300);
        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/shipments/{first}/plan");
        Assert.Equal("cancelled", plan.GetProperty("status").GetString());
        Assert.Equal(0, plan.GetProperty("placements").GetArrayLength());
        Assert.False(app.Services.GetRequiredService<Kitt.Dashboard.Shipments.PackingJobs>().IsRunning(first));

        using var again = await client.PostAsync($"/api/shipments/{first}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var stopSecond = await client.PostAsync($"/api/shipments/{second}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, stopSecond.StatusCode);
    }

    [Fact]
    public async Task A_job_over_its_time_limit_fails_and_raises_a_packing_alert()
    {
        await using var app = new ConfiguredAppFactory(new Dictionary<string, string>
        {
            ["Packing:SearchSeconds"] = "60",
            ["Packing:JobTimeoutSeconds"] = "0.5",
        }, Database);
        var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        var alerts = new List<AlertEvent>();
        using var subscription = app.Services.GetRequiredService<ITopicHub>().Subscribe(AlertEvent.Topic, (batch, _) =>
        {
            lock (alerts)
            {
                alerts.AddRange(batch);
            }

            return ValueTask.CompletedTask;
        });

        var reference = SampleShipments.NewReference();
        var id = await SampleShipments.CreateAsync(client, SampleShipments.Overflowing(reference));
        await SampleShipments.WaitForStatusAsync(client, id, "failed");

        var details = await client.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}");
        Assert.Contains("time limit", details.GetProperty("error").GetString());
        AlertEvent? alert = null;
        for (var i = 0; i < 200 && alert is null; i++) // up to 10 s: the alert is stored before it is announced
        {
            await Task.Delay(50);
            lock (alerts)
            {
                alert = alerts.FirstOrDefault(a => a.Key == $"packing:{reference}");
            }
        }

        Assert.NotNull(alert);
        Assert.Equal("packing", alert.Type);
        Assert.True(alert.Firing);
        Assert.Equal(AlertSeverity.Error, alert.Severity);

        // A failed job can be queued again.
        using var requeued = await client.PostAsync($"/api/shipments/{id}/pack", null);
        Assert.Equal(HttpStatusCode.Accepted, requeued.StatusCode);
    }

    /// <summary>A database of the class's provider for tests that need none across restarts; removed with the class.</summary>
    private TestDatabase Database => lazyDatabase.Value;

    private readonly Lazy<TestDatabase> lazyDatabase = new(() => new TestDatabase(kind: kind));

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (lazyDatabase.IsValueCreated)
        {
            lazyDatabase.Value.Dispose();
        }
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
#pragma warning disable EF1002 // the tests' own statements, no input
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(sql));
#pragma warning restore EF1002
    }

    private static async Task<(string Status, long Attempts)> StatusInFileAsync(TestDatabase database, long id)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var shipment = await db.Shipments.AsNoTracking().SingleAsync(s => s.Id == id);
        return (shipment.Status, shipment.Attempts);
    }
}

public sealed class PackingWorkerOnSqliteTests() : PackingWorkerTests(StoreKind.Sqlite);

public sealed class PackingWorkerOnPostgresTests() : PackingWorkerTests(StoreKind.Postgres);
