using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.Sessions;
using Kitt.Dashboard.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kitt.Dashboard.Tests.Containers;

/// <summary>The recorders and history reads against a real SQLite file, fed through the real hub.</summary>
public sealed class UsageHistoryTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private readonly TopicHub hub = new(NullLogger<TopicHub>.Instance);

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Minutes_are_stored_and_long_ranges_read_them_while_short_ranges_read_memory()
    {
        var recent = new ContainerHistory(hub);
        await recent.StartAsync(default);
        var recorder = new ContainerUsageRecorder(hub, Writer());
        await recorder.StartAsync(default);

        // Twenty minutes of polls every 20 s, CPU equal to the minute number. Each poll is handed to both subscribers
        // (the recent history and the minute recorder) before the next: on a snapshot topic a newer poll would
        // otherwise replace one the recorder had not read yet.
        var published = 0;
        for (var s = 0; s <= 20 * 60; s += 20)
        {
            clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero).AddSeconds(s));
            hub.Publish(ContainersSnapshot.Topic, new ContainersSnapshot(clock.GetUtcNow(), "unix:///x", ComponentStatus.Running, null,
            [
                new ContainerRow("c1", "busy", "busybox", "running", "Up", clock.GetUtcNow(),
                    Usage: new ContainerUsage(s / 60, 100, 1_000, 0, 0, 0, 0, 1)),
            ]));
            published++;
            await WaitUntilAsync(() => hub.GetStatistics().Topics.Single(t => t.Topic == ContainersSnapshot.Topic.Name).Delivered == 2 * published);
            await WaitUntilAsync(() => recent.Of("c1", clock.GetUtcNow()).Count == 1);
        }

        await WaitUntilAsync(() => Count() == 20);
        var history = new UsageHistory(recent, database.Factory, clock);

        var hour = await history.GetAsync("c1", 60);
        Assert.Equal("minute", hour!.Resolution);
        Assert.Equal(Enumerable.Range(0, 20).Select(m => (double)m), hour.Samples.Take(20).Select(p => p.CpuPercent));
        Assert.Equal(20, hour.Samples[^1].CpuPercent); // the open minute, from memory

        var recentOnly = await history.GetAsync("c1", 5);
        Assert.Equal("sample", recentOnly!.Resolution);
        Assert.Equal(16, recentOnly.Samples.Count); // 5 minutes of 20 s polls, both ends included

        Assert.Null(await history.GetAsync("unknown", 60));
        await recorder.StopAsync(default);
    }

    [Fact]
    public async Task Retention_removes_only_history_older_than_configured()
    {
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            foreach (var daysAgo in new[] { 1, 6, 8, 40 })
            {
                var at = clock.GetUtcNow().AddDays(-daysAgo);
                db.ContainerUsage.Add(new ContainerUsageMinute { ContainerId = "c", Name = "c", Minute = at, Samples = 1 });
                db.SessionLog.Add(new SessionLogEntry { SessionId = "s", Change = SessionChange.Opened, At = at });
                db.Add(new Kitt.Dashboard.Alerts.Notifications.NotificationRow
                {
                    Key = $"n{daysAgo}", Receiver = "ops", GroupKey = "0:{}", Status = "firing", Body = "{}", CreatedAt = at, NextAttemptAt = at,
                    DeliveredAt = daysAgo == 40 ? null : at, // the oldest never arrived: it is kept until it does
                });
            }

            await db.SaveChangesAsync();
        }

        var archiveFolder = Directory.CreateTempSubdirectory("kitt-archive-").FullName;
        var options = Options.Create(new HistoryOptions { ContainerDays = 7, SessionDays = 30, AlertArchiveFolder = archiveFolder });
        var archive = new AlertArchive(database.Factory, options, clock, NullLogger<AlertArchive>.Instance);
        var retention = new HistoryRetention(database.Factory, archive, options, clock,
            new Kitt.Dashboard.Data.Leases.LeasedWork(new Kitt.Dashboard.Data.Leases.LeaseStore(database.Factory, new Kitt.Dashboard.Data.Leases.InstanceIdentity("test"), clock), Options.Create(new Kitt.Dashboard.Data.Leases.LeaseOptions()), clock, NullLogger<Kitt.Dashboard.Data.Leases.LeasedWork>.Instance), NullLogger<HistoryRetention>.Instance);

        // Container minutes of 8 and 40 days, the session event of 40, the notification delivered 8 days ago.
        Assert.Equal(4, await retention.SweepAsync(default));

        await using var check = await database.Factory.CreateDbContextAsync();
        Assert.Equal(2, await check.ContainerUsage.CountAsync());
        Assert.Equal(3, await check.SessionLog.CountAsync());
        Assert.Equal(["n1", "n40", "n6"], (await check.Set<Kitt.Dashboard.Alerts.Notifications.NotificationRow>().Select(n => n.Key).ToListAsync()).Order());
        Directory.Delete(archiveFolder, recursive: true);
    }

    [Fact]
    public async Task Session_events_are_stored_and_read_back_newest_first()
    {
        var recorder = new SessionEventRecorder(hub, Writer());
        await recorder.StartAsync(default);
        var tracker = new CircuitTracker(hub, clock);

        tracker.Opened("circuit-1", "ada", ["Operator"], "/");
        clock.Advance(TimeSpan.FromSeconds(1));
        tracker.Navigated("circuit-1", "/containers");
        clock.Advance(TimeSpan.FromSeconds(1));
        tracker.Closed("circuit-1");

        var log = new SessionLog(database.Factory);
        await WaitUntilAsync(() => log.RecentAsync(10).Result.Count == 3);
        var events = await log.RecentAsync(10);
        Assert.Equal([SessionChange.Closed, SessionChange.Navigated, SessionChange.Opened], events.Select(e => e.Change));
        Assert.Equal("/containers", events[1].Page);
        Assert.All(events, e => Assert.Equal("ada", e.User));
        await recorder.StopAsync(default);
    }

    private StoreWriter Writer() =>
        new(database.Factory, new ComponentStates(clock, NullLogger<ComponentStates>.Instance), clock, NullLogger<StoreWriter>.Instance);

    private int Count()
    {
        using var db = database.Factory.CreateDbContext();
        return db.ContainerUsage.Count();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(10);
        }
    }
}
