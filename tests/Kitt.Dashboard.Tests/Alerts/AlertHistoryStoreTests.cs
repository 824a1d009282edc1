using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Tests.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kitt.Dashboard.Tests.Alerts;

/// <summary>The history page's store side on a real database of each provider: capped counts, counts over time, and the archive.</summary>
public abstract class AlertHistoryStoreTests(StoreKind kind) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase database = new(kind: kind);
    private readonly FakeTimeProvider clock = new(Now);
    private readonly string archiveFolder = Directory.CreateTempSubdirectory("kitt-archive-").FullName;

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        database.Dispose();
        Directory.Delete(archiveFolder, recursive: true);
    }

    [Fact]
    public async Task A_common_word_is_counted_up_to_the_cap_and_still_lists_the_newest_first_in_any_sort()
    {
        var count = AlertQueries.CountCap + 10;
        await StoreAsync(Enumerable.Range(0, count).Select(i => NewAlert(
            Now.AddMinutes(-i), i % 4 == 0 ? AlertSeverity.Critical : AlertSeverity.Info, $"customs hold {(i == 7 ? "zebra" : "")}")));
        var queries = new AlertQueries(database.Factory, clock, database.AlertStorage);

        var common = await queries.PageAsync(AlertFilter.All with { Text = "customs", Take = 20 }, "analyst");
        Assert.True(common.TotalCapped);
        Assert.Equal(AlertQueries.CountCap, common.Total);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => Now.AddMinutes(-i)), common.Items.Select(a => a.FiredAt));

        var bySeverity = await queries.PageAsync(AlertFilter.All with { Text = "customs", Sort = AlertSort.Severity, Take = 20 }, "analyst");
        Assert.All(bySeverity.Items, a => Assert.Equal(AlertSeverity.Critical, a.Severity));
        Assert.Equal(Now, bySeverity.Items[0].FiredAt);

        var rare = await queries.PageAsync(AlertFilter.All with { Text = "zebra" }, "analyst");
        Assert.False(rare.TotalCapped);
        Assert.Equal(1, rare.Total);
        Assert.Equal(Now.AddMinutes(-7), Assert.Single(rare.Items).FiredAt);

        var everything = await queries.PageAsync(AlertFilter.All with { Take = 1 }, "analyst");
        Assert.False(everything.TotalCapped);
        Assert.Equal(count, everything.Total);
    }

    [Fact]
    public async Task Counts_over_time_split_the_filtered_alerts_by_bucket_severity_and_type()
    {
        var from = Now.AddHours(-2);
        await StoreAsync(
        [
            NewAlert(from.AddMinutes(1), AlertSeverity.Critical, "a", type: "cpu"),
            NewAlert(from.AddMinutes(2), AlertSeverity.Warning, "b", type: "cpu"),
            NewAlert(from.AddMinutes(61), AlertSeverity.Warning, "c", type: "memory"),
            NewAlert(from.AddMinutes(119), AlertSeverity.Info, "d", type: "memory"),
            NewAlert(from.AddMinutes(-30), AlertSeverity.Critical, "before the range", type: "cpu"),
        ]);
        var queries = new AlertQueries(database.Factory, clock, database.AlertStorage);

        var counts = await queries.CountsAsync(AlertFilter.All with { From = from, To = Now }, "analyst", buckets: 24);

        Assert.Equal(TimeSpan.FromMinutes(5), counts.BucketSize);
        Assert.Equal(4, counts.Total);
        Assert.Equal(from, counts.Buckets[0].Start);
        Assert.Equal([0, 1, 0, 1], counts.Buckets[0].BySeverity);
        Assert.Equal([0, 1, 0, 0], counts.Buckets[12].BySeverity);
        Assert.Equal([1, 0, 0, 0], counts.Buckets[23].BySeverity);
        Assert.Equal(0, counts.Buckets[5].Total);
        Assert.Equal(24, counts.Buckets.Count);
        Assert.Equal([new("cpu", 2), new("memory", 2)], counts.ByType);

        var critical = await queries.CountsAsync(AlertFilter.All with { From = from, To = Now, Severities = [AlertSeverity.Critical] }, "analyst", buckets: 24);
        Assert.Equal(1, critical.Total);

        // No start given and one recent alert: the chart still spans an hour of time, not one wide bar.
        var recent = await queries.CountsAsync(AlertFilter.All with { Severities = [AlertSeverity.Info] }, "analyst", buckets: 24);
        Assert.Equal(TimeSpan.FromMinutes(5), recent.BucketSize);
        Assert.Equal(12, recent.Buckets.Count);
        Assert.Equal(1, recent.Total);
    }

    [Fact]
    public async Task Old_resolved_alerts_move_to_the_archive_with_their_timelines_and_nothing_else_moves()
    {
        var old = NewAlert(Now.AddDays(-100), AlertSeverity.Error, "old and resolved");
        var oldFiring = NewAlert(Now.AddDays(-100), AlertSeverity.Error, "old but still firing", state: AlertState.Firing);
        var recent = NewAlert(Now.AddDays(-10), AlertSeverity.Error, "recent");
        await StoreAsync([old, oldFiring, recent]);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.AlertReads.Add(new AlertRead { UserId = "analyst", AlertId = old.Id, At = Now });
            await db.SaveChangesAsync();
        }

        var archive = new AlertArchive(database.Factory, Options.Create(new HistoryOptions { AlertDays = 90, AlertArchiveFolder = archiveFolder }),
            clock, NullLogger<AlertArchive>.Instance);

        Assert.Equal(1, await archive.ArchiveAsync(CancellationToken.None));
        Assert.Equal(0, await archive.ArchiveAsync(CancellationToken.None));

        var queries = new AlertQueries(database.Factory, clock, database.AlertStorage);
        var left = await queries.PageAsync(AlertFilter.All, "analyst");
        Assert.Equal(["recent", "old but still firing"], left.Items.Select(a => a.Message));
        Assert.Equal(2, left.Total); // the whole history's count follows the archive's deletes
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            Assert.Empty(db.AlertReads);
            Assert.Equal(3, db.AlertChanges.Count()); // the firing one's and the recent one's
        }

        var file = Assert.Single(Directory.GetFiles(archiveFolder));
        Assert.EndsWith(".jsonl.gz", file);
        var archived = Assert.Single(await AlertArchive.ReadAsync(file).ToListAsync());
        Assert.Equal(old.Id, archived.Id);
        Assert.Equal("old and resolved", archived.Message);
        Assert.Equal(old.FiredAt, archived.FiredAt);
        Assert.Equal([AlertState.Firing, AlertState.Resolved], archived.Changes.Select(c => c.State));
    }

    private static Alert NewAlert(DateTimeOffset firedAt, AlertSeverity severity, string message, string type = "cpu", AlertState state = AlertState.Resolved)
    {
        var alert = new Alert
        {
            Key = $"{type}:router",
            Type = type,
            Source = "router",
            Severity = severity,
            State = state,
            Title = $"{type} on router",
            Message = message,
            SearchText = FullText.Words($"{type} on router", message, "router"),
            FiredAt = firedAt,
            ResolvedAt = state == AlertState.Resolved ? firedAt.AddMinutes(1) : null,
            UpdatedAt = firedAt,
        };
        alert.Changes.Add(new AlertChange { State = AlertState.Firing, At = firedAt, Message = message });
        if (state == AlertState.Resolved)
        {
            alert.Changes.Add(new AlertChange { State = AlertState.Resolved, At = firedAt.AddMinutes(1), Message = "resolved" });
        }

        return alert;
    }

    private async Task StoreAsync(IEnumerable<Alert> alerts)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        db.Alerts.AddRange(alerts);
        await db.SaveChangesAsync();
    }
}

public sealed class AlertHistoryStoreOnSqliteTests() : AlertHistoryStoreTests(StoreKind.Sqlite);

public sealed class AlertHistoryStoreOnPostgresTests() : AlertHistoryStoreTests(StoreKind.Postgres);
