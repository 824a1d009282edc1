using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kitt.Testing;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// The published dashboard on a private PostgreSQL cluster and librdkafka's mock cluster. (1) The packing queue:
/// <c>shipments</c> small shipments sent to one instance, then (on a fresh database) half to each of two, timed from
/// the first send to the last stored plan, with every shipment counted packed exactly once. (2) Failover: the
/// instance leading the alert-manager is killed (SIGKILL) and the time until the other evaluates alerts is measured.
/// </summary>
internal static class ScaleOutBench
{
    public static async Task<int> RunAsync(string appDll, int shipments)
    {
        var cluster = await PostgresCluster.SharedAsync();
        using var kafka = new KafkaMockCluster();
        var one = await QueueAsync(appDll, cluster, kafka, shipments, instances: 1, failover: false);
        var two = await QueueAsync(appDll, cluster, kafka, shipments, instances: 2, failover: true);
        Console.WriteLine($"queue: 2 instances {two / one:0.00}x the jobs per second of 1 (both on this machine's cores)");
        return 0;
    }

    /// <returns>Jobs packed per second.</returns>
    private static async Task<double> QueueAsync(string appDll, PostgresCluster cluster, KafkaMockCluster kafka, int shipments, int instances, bool failover)
    {
        var database = await cluster.CreateDatabaseAsync("kitt_queue");
        var apps = new List<(string Name, BenchApp App)>();
        try
        {
            foreach (var name in Enumerable.Range(1, instances).Select(i => $"bench-{instances}-{i}"))
            {
                var settings = kafka.AppSettings(name);
                settings["Database:Provider"] = "postgres";
                settings["ConnectionStrings:Kitt"] = database;
                apps.Add((name, await BenchApp.StartServerAsync(appDll, settings)));
            }

            var clock = Stopwatch.StartNew();
            using var gate = new SemaphoreSlim(16);
            await Task.WhenAll(Enumerable.Range(0, shipments).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    using var response = await apps[i % apps.Count].App.Api.PostAsJsonAsync("/api/shipments", Small(i));
                    response.EnsureSuccessStatusCode();
                }
                finally
                {
                    gate.Release();
                }
            }));
            var sent = clock.Elapsed.TotalSeconds;
            while (await CountAsync(database, """SELECT count(*) FROM shipments WHERE "Status" IN ('packed', 'failed')""") < shipments)
            {
                await Task.Delay(50);
            }

            var elapsed = clock.Elapsed.TotalSeconds;
            var packed = await CountAsync(database, """SELECT count(*) FROM shipments WHERE "Status" = 'packed'""");
            var results = await CountAsync(database, """SELECT count(*) FROM outbox_events WHERE "Topic" = 'packing.results' AND "Envelope" LIKE '%"status":"packed"%'""");
            var distinct = await CountAsync(database, """SELECT count(DISTINCT "Key") FROM outbox_events WHERE "Topic" = 'packing.results' AND "Envelope" LIKE '%"status":"packed"%'""");
            Console.WriteLine($"queue, {instances} instance(s): {shipments:N0} shipments sent in {sent:0.0} s, all done after {elapsed:0.0} s: " +
                              $"{shipments / elapsed:0.0} jobs/s; {packed:N0} packed, {results:N0} packing results for {distinct:N0} shipments (lost: {shipments - packed:N0})");

            if (failover)
            {
                await FailoverAsync(database, apps);
            }

            return shipments / elapsed;
        }
        finally
        {
            foreach (var (_, app) in apps)
            {
                await app.DisposeAsync();
            }

            await cluster.DropDatabaseAsync(database);
        }
    }

    private static async Task FailoverAsync(string database, List<(string Name, BenchApp App)> apps)
    {
        var holder = await PostgresCluster.ScalarAsync<string>(database, """SELECT "Holder" FROM leases WHERE "Name" = 'alert-manager'""");
        var leader = apps.Single(a => holder!.StartsWith(a.Name + "/", StringComparison.Ordinal)).App;
        var survivor = apps.Single(a => a.App != leader).App;
        var clock = Stopwatch.StartNew();
        Process.Start("kill", ["-KILL", leader.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            var health = await survivor.Api.GetFromJsonAsync<JsonObject>("/health");
            var alerts = health!["components"]!.AsArray().FirstOrDefault(c => (string?)c!["name"] == "alerts");
            if ((string?)alerts?["state"] == "running" && alerts["reason"] is null)
            {
                break;
            }

            await Task.Delay(50);
        }

        Console.WriteLine($"failover: alerts evaluated on the other instance {clock.Elapsed.TotalSeconds:0.0} s after the leader was killed (Leases:Seconds 15)");
    }

    private static JsonObject Small(int i) => new()
    {
        ["reference"] = $"Q-{i:00000}-{Guid.NewGuid():N}"[..20],
        ["origin"] = "Rotterdam",
        ["destination"] = "Basel",
        ["container"] = new JsonObject { ["length"] = 120, ["width"] = 100, ["height"] = 100 },
        ["items"] = new JsonArray(
            new JsonObject { ["sku"] = "PAL-A", ["length"] = 40, ["width"] = 30, ["height"] = 30, ["weightKg"] = 12, ["quantity"] = 6 },
            new JsonObject { ["sku"] = "BOX-B", ["length"] = 20, ["width"] = 20, ["height"] = 20, ["weightKg"] = 3, ["quantity"] = 4 }),
    };

    private static async Task<long> CountAsync(string database, string sql) => await PostgresCluster.ScalarAsync<long>(database, sql);
}
