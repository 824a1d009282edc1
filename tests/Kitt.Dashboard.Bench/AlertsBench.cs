using Kitt.Dashboard.Alerts.Silencing;
using Kitt.Dashboard.Alerts.Notifications;
using System.Diagnostics;
using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Data.Sqlite;
using Kitt.Testing;
using Kitt.Dashboard.Events;
using Kitt.Dashboard.Realtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// The alert store at scale, on a migrated SQLite file: <c>count</c> alerts over 90 days, then (1) filtered page
/// queries, each filter alone and with text search and a sort, p50/p95 over rounds, against the bare newest-page
/// query as baseline; (2) the unread badge count; (3) a burst of 10,000 alerts from one rule set stored as the
/// alert-manager stores them, and the toasts a subscriber coalescing like the UI would show; (4) a CSV export of
/// 100,000 rows with the managed heap sampled during it. Given a database file, the alerts are stored there once and
/// kept, so later runs (e.g. after a query change) measure the same rows without filling them again.
/// </summary>
internal static class AlertsBench
{
    private static readonly string[] Types = ["cpu", "memory", "error_rate", "container_health", "container_exit", "restart_loop", "source_unavailable", "packing"];
    private static readonly string[] Words = ["router", "billing", "tracker", "planner", "gateway", "ledger", "courier", "depot", "manifest", "customs"];

    /// <param name="kept">A SQLite file, or a PostgreSQL connection string, whose alerts are kept between runs; null: a fresh database.</param>
    public static async Task<int> RunAsync(int count, int rounds, string? kept, StoreProvider provider)
    {
        var folder = kept is null && provider is SqliteStore ? Directory.CreateTempSubdirectory("kitt-alerts-bench-").FullName : null;
        var connectionString = provider is SqliteStore
            ? $"Data Source={kept ?? Path.Combine(folder!, "kitt.db")}"
            : kept ?? await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync("kitt_bench");
        Console.WriteLine($"alerts on {provider.Kind}");
        try
        {
            var factory = new DbFactory(provider, connectionString);
            int stored;
            await using (var db = factory.CreateDbContext())
            {
                await provider.MigrateAsync(db, connectionString, CancellationToken.None);
                var upgrade = Stopwatch.StartNew();
                if (provider is SqliteStore && await AlertsFullText.IndexOlderAlertsAsync(db, CancellationToken.None) is > 0 and var indexed)
                {
                    Console.WriteLine($"indexed the words of {indexed:N0} alerts stored before in {upgrade.Elapsed.TotalSeconds:0.0} s");
                }

                stored = await db.Alerts.CountAsync(a => a.Type != "burst");
            }

            if (stored != count)
            {
                await using (var db = factory.CreateDbContext())
                {
                    await db.Alerts.ExecuteDeleteAsync();
                }

                var fill = Stopwatch.StartNew();
                await (provider is SqliteStore ? FillAsync(connectionString, count) : AlertsFill.PostgresAsync(connectionString, Alerts(count)));
                Console.WriteLine($"stored {count:N0} alerts in {fill.Elapsed.TotalSeconds:0.0} s");
            }
            else
            {
                Console.WriteLine($"reusing the {count:N0} alerts stored in {kept}");
                if (provider is not SqliteStore)
                {
                    // The last run's burst was stored and deleted among the newest rows: vacuumed, as autovacuum leaves
                    // them in time, so every run reads the visibility map a fresh load has.
                    await using var db = factory.CreateDbContext();
                    await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE alerts");
                }
            }

            var queries = new AlertQueries(factory, TimeProvider.System, AlertStorage.For(provider));
            await QueriesAsync(queries, rounds);
            await BurstAsync(factory, AlertStorage.For(provider));
            await ExportAsync(queries);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (folder is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
            else if (kept is null && provider is not SqliteStore)
            {
                await (await PostgresCluster.SharedAsync()).DropDatabaseAsync(connectionString);
            }
        }
    }

    private static async Task QueriesAsync(AlertQueries queries, int rounds)
    {
        var now = DateTimeOffset.UtcNow;
        var filters = new (string Name, AlertFilter Filter)[]
        {
            ("newest page (baseline)", AlertFilter.All),
            ("severity=critical", AlertFilter.All with { Severities = [AlertSeverity.Critical] }),
            ("type=container_exit", AlertFilter.All with { Type = "container_exit" }),
            ("source=router-7", AlertFilter.All with { Source = "router-7" }),
            ("state=firing", AlertFilter.All with { State = AlertState.Firing }),
            ("last 24 h", AlertFilter.All with { From = now.AddDays(-1), To = now }),
            ("unread", AlertFilter.All with { Unread = true }),
            ("q=4242 (a rare ticket number)", AlertFilter.All with { Text = "4242" }),
            ("q=customs (a word in 27 % of rows)", AlertFilter.All with { Text = "customs" }),
            ("severity=error + q=gateway + sort source", AlertFilter.All with { Severities = [AlertSeverity.Error], Text = "gateway", Sort = AlertSort.Source }),
            ("type=cpu + q=depot + sort severity", AlertFilter.All with { Type = "cpu", Text = "depot", Sort = AlertSort.Severity }),
            ("last 7 d + q=ledger planner", AlertFilter.All with { From = now.AddDays(-7), Text = "ledger planner" }),
            ("sort source ascending", AlertFilter.All with { Sort = AlertSort.Source, Descending = false }),
            ("q=customs + sort severity ascending", AlertFilter.All with { Text = "customs", Sort = AlertSort.Severity, Descending = false }),
        };
        double baseline = 0;
        foreach (var (name, filter) in filters)
        {
            var times = new List<double>();
            var total = "";
            for (var i = 0; i < rounds + 1; i++)
            {
                var watch = Stopwatch.StartNew();
                var page = await queries.PageAsync(filter, "analyst");
                total = $"{page.Total:N0}{(page.TotalCapped ? "+" : "")}";
                if (i > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds); // the first round warms the page cache
                }
            }

            var p95 = Percentiles.Of(times, 95);
            baseline = baseline == 0 ? p95 : baseline;
            Console.WriteLine($"page query {name,-42} total {total,9}: p50 {Percentiles.Median(times),6:0.0} ms, p95 {p95,6:0.0} ms ({p95 / baseline:0.0}x baseline)");
        }

        foreach (var (name, filter) in new[] { ("all 90 days", AlertFilter.All), ("last 24 h", AlertFilter.All with { From = now.AddDays(-1), To = now }) })
        {
            var chart = new List<double>();
            for (var i = 0; i < Math.Min(rounds, 5); i++)
            {
                var watch = Stopwatch.StartNew();
                await queries.CountsAsync(filter, "analyst");
                chart.Add(watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"counts over time, {name,-12}: p50 {Percentiles.Median(chart),6:0.0} ms (loaded beside the grid, not before it)");
        }

        var badge = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await queries.UnreadCountAsync("analyst");
            badge.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"badge count (unread, capped at {AlertQueries.BadgeCap}): p50 {Percentiles.Median(badge):0.00} ms, p95 {Percentiles.Of(badge, 95):0.00} ms");
    }

    private static async Task BurstAsync(IDbContextFactory<KittDbContext> factory, AlertStorage storage)
    {
        await using (var db = factory.CreateDbContext())
        {
            await db.Alerts.Where(a => a.Type == "burst").ExecuteDeleteAsync();
        }

        // 10,000 sources crossing one threshold in the same second, as one evaluation of the rules.
        var clock = TimeProvider.System;
        var tracker = new AlertTracker(clock);
        var conditions = Enumerable.Range(0, 10_000)
            .Select(i => AlertCondition.Flag("burst", $"node-{i:00000}", AlertSeverity.Warning, true, TimeSpan.Zero, $"node-{i:00000} overloaded", "burst"))
            .ToList();
        var hub = new TopicHub(NullLogger<TopicHub>.Instance);
        var deliveries = new List<int>();
        using var toaster = hub.Subscribe(AlertEvent.Topic, (batch, _) =>
        {
            lock (deliveries)
            {
                deliveries.Add(batch.Count(a => a.Firing && a.Notify));
            }

            return ValueTask.CompletedTask;
        }, LiveComponentBase.RenderInterval);

        var store = new AlertStore(factory, new Outbox(Microsoft.Extensions.Options.Options.Create(new KafkaOptions()), TimeProvider.System), storage,
            new NotificationRoutes(Microsoft.Extensions.Options.Options.Create(new AlertOptions())), new NoticeSignal(), new Silences(factory, TimeProvider.System), TimeProvider.System);
        var watch = Stopwatch.StartNew();
        var transitions = tracker.Evaluate("burst", conditions);
        foreach (var announced in await store.SaveAsync(transitions, CancellationToken.None))
        {
            hub.Publish(AlertEvent.Topic, announced);
        }

        var stored = watch.Elapsed.TotalMilliseconds;
        await Task.Delay(500);
        await using (var db = factory.CreateDbContext())
        {
            var count = await db.Alerts.CountAsync(a => a.Type == "burst");
            int toasts;
            lock (deliveries)
            {
                toasts = deliveries.Sum(n => n > AlertToaster.BurstLimit ? 1 : n);
            }

            Console.WriteLine($"burst: {transitions.Count:N0} alerts stored in {stored:0} ms (one transaction), {count:N0} counted in the store; " +
                              $"{deliveries.Count} UI deliveries -> {toasts} toast(s) at most");
            await db.Alerts.Where(a => a.Type == "burst").ExecuteDeleteAsync(); // a kept database holds the same history next run
        }
    }

    private static async Task ExportAsync(AlertQueries queries)
    {
        var filter = AlertFilter.All with { From = DateTimeOffset.UtcNow.AddDays(-9) };
        var peak = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(10);
            }
        });
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var watch = Stopwatch.StartNew();
        var rows = await AlertCsv.WriteAsync(queries.StreamAsync(filter, "analyst"), Stream.Null);
        var elapsed = watch.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        Console.WriteLine($"CSV export: {rows:N0} rows in {elapsed:0.00} s; managed heap {before / 1048576.0:0.0} MiB before, peak {peak / 1048576.0:0.0} MiB during");
    }

    /// <summary>
    /// <paramref name="count"/> alerts over 90 days, the same ones every run (seed 42), in firing order: the
    /// alert-manager stores alerts as they fire, so ids follow firing times.
    /// </summary>
    internal static IEnumerable<Alert> Alerts(int count)
    {
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow.UtcTicks;
        var firedTimes = Enumerable.Range(0, count).Select(_ => now - (long)(random.NextDouble() * TimeSpan.FromDays(90).Ticks)).Order().ToArray();
        for (var i = 0; i < count; i++)
        {
            var type = Types[random.Next(Types.Length)];
            var source = $"{Words[random.Next(Words.Length)]}-{random.Next(20)}";
            var fired = new DateTimeOffset(firedTimes[i], TimeSpan.Zero);
            var firing = random.Next(20) == 0;
            var title = $"{type} on {source}";
            var message = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} threshold crossed at {random.Next(100)} % (ticket {random.Next(200_000)})";
            var severity = (AlertSeverity)random.Next(4);
            var value = random.NextDouble() * 100;
            DateTimeOffset? resolved = firing ? null : fired.AddMinutes(random.Next(1, 60));
            yield return new Alert
            {
                Key = $"{type}:{source}", Type = type, Source = source, Severity = severity,
                State = firing ? AlertState.Firing : AlertState.Resolved, Title = title, Message = message,
                SearchText = FullText.Words(title, message, source), Value = value, Threshold = 80,
                FiredAt = fired, ResolvedAt = resolved, UpdatedAt = fired,
            };
        }
    }

    internal static async Task FillAsync(string connectionString, int count)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO alerts (Key, Type, Source, Severity, State, Title, Message, SearchText, Value, Threshold, FiredAt, ResolvedAt, UpdatedAt)
            VALUES ($key, $type, $source, $severity, $state, $title, $message, $words, $value, $threshold, $fired, $resolved, $fired)
            """;
        var p = new[] { "$key", "$type", "$source", "$severity", "$state", "$title", "$message", "$value", "$fired", "$resolved", "$words", "$threshold" }
            .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        foreach (var a in Alerts(count))
        {
            (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value, p[5].Value) = (a.Key, a.Type, a.Source, (int)a.Severity, (int)a.State, a.Title);
            (p[6].Value, p[7].Value, p[8].Value, p[9].Value) = (a.Message, a.Value, a.FiredAt.UtcTicks, a.ResolvedAt?.UtcTicks ?? (object)DBNull.Value);
            (p[10].Value, p[11].Value) = (a.SearchText, a.Threshold);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
