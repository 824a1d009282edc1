using System.Collections.Concurrent;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kitt.Dashboard.Tests.Sessions;

public sealed class CircuitTrackerTests
{
    private readonly TopicHub hub = new(NullLogger<TopicHub>.Instance);

    [Fact]
    public async Task Announces_each_change_once_with_who_and_where()
    {
        var tracker = new CircuitTracker(hub, TimeProvider.System);
        var events = new ConcurrentQueue<SessionEvent>();
        using var _ = hub.Subscribe(SessionEvent.Topic, (batch, _) =>
        {
            foreach (var e in batch)
            {
                events.Enqueue(e);
            }

            return ValueTask.CompletedTask;
        });

        tracker.Opened("c1", "olga", ["Operator"], "/");
        tracker.ConnectionChanged("c1", up: true); // the first "up" is not news
        tracker.Navigated("c1", "/containers");
        tracker.Navigated("c1", "/containers"); // same page, no event
        tracker.ConnectionChanged("c1", up: false);
        tracker.ConnectionChanged("c1", up: true);
        tracker.Closed("c1");
        tracker.Closed("c1"); // already gone

        await WaitUntil(() => events.Count >= 5);
        await Task.Delay(50);
        Assert.Equal(
            [SessionChange.Opened, SessionChange.Navigated, SessionChange.Disconnected, SessionChange.Reconnected, SessionChange.Closed],
            events.Select(e => e.Change));
        Assert.All(events, e => Assert.Equal("olga", e.User));
        Assert.Equal("/containers", events.Last().Page);
        Assert.Equal(0, events.Last().OpenSessions);
    }

    [Fact]
    public async Task The_count_is_exact_under_rapid_connect_and_disconnect()
    {
        var tracker = new CircuitTracker(hub, TimeProvider.System);
        await Parallel.ForEachAsync(Enumerable.Range(0, 2000), (i, _) =>
        {
            var id = "c" + i;
            tracker.Opened(id, "u" + i, [], "/");
            tracker.ConnectionChanged(id, up: false);
            tracker.ConnectionChanged(id, up: true);
            if (i % 2 == 0)
            {
                tracker.Closed(id);
            }

            return ValueTask.CompletedTask;
        });

        Assert.Equal(1000, tracker.OpenCircuits);
        Assert.Equal(1000, tracker.ConnectedCircuits);
        Assert.All(tracker.Sessions, s => Assert.Equal(1, int.Parse(s.Id[1..], System.Globalization.CultureInfo.InvariantCulture) % 2));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
