using System.Collections.Concurrent;
using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.HostMetrics;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.RouteNews;
using Kitt.Dashboard.Sessions;
using Kitt.Dashboard.Shipments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kitt.Dashboard.Tests.Realtime;

public sealed class TopicHubTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TopicHub hub = new(NullLogger<TopicHub>.Instance);

    [Fact]
    public async Task Event_topic_delivers_every_value_in_order()
    {
        var topic = Topic.Events<int>("test.events");
        var received = new List<int>();
        var done = new TaskCompletionSource();
        using var _ = hub.Subscribe(topic, (batch, _) =>
        {
            received.AddRange(batch);
            if (received.Count == 500)
            {
                done.TrySetResult();
            }

            return ValueTask.CompletedTask;
        });

        for (var i = 0; i < 500; i++)
        {
            hub.Publish(topic, i);
        }

        await done.Task.WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(0, 500), received);
        await WaitUntil(() => Stats("test.events").Delivered == 500);
        var stats = Stats("test.events");
        Assert.Equal(500, stats.Published);
        Assert.Equal(500, stats.Delivered);
        Assert.Equal(0, stats.Dropped);
    }

    [Fact]
    public async Task Snapshot_topic_hands_a_slow_subscriber_only_the_latest_value()
    {
        var topic = Topic.Snapshot<int>("test.snapshot");
        var gate = new SemaphoreSlim(0);
        var seen = new ConcurrentQueue<int>();
        using var _ = hub.Subscribe(topic, async (batch, ct) =>
        {
            seen.Enqueue(batch[^1]);
            Assert.Single(batch);
            await gate.WaitAsync(ct);
        });

        hub.Publish(topic, 0);
        await WaitUntil(() => !seen.IsEmpty);
        for (var i = 1; i <= 100; i++)
        {
            hub.Publish(topic, i);
        }

        gate.Release(10);
        await WaitUntil(() => seen.Contains(100));
        Assert.Equal([0, 100], seen);
        Assert.Equal(99, Stats("test.snapshot").Superseded);
        Assert.Equal(0, Stats("test.snapshot").Dropped);
    }

    [Fact]
    public async Task Event_topic_overflow_drops_the_oldest_and_counts_it()
    {
        var topic = Topic.Events<int>("test.bounded", capacity: 4);
        var gate = new SemaphoreSlim(0);
        var seen = new ConcurrentQueue<int>();
        using var _ = hub.Subscribe(topic, async (batch, ct) =>
        {
            foreach (var value in batch)
            {
                seen.Enqueue(value);
            }

            await gate.WaitAsync(ct);
        });

        hub.Publish(topic, 0);
        await WaitUntil(() => !seen.IsEmpty);
        for (var i = 1; i <= 10; i++)
        {
            hub.Publish(topic, i);
        }

        gate.Release(10);
        await WaitUntil(() => seen.Contains(10));
        Assert.Equal([0, 7, 8, 9, 10], seen);
        Assert.Equal(6, Stats("test.bounded").Dropped);
    }

    [Fact]
    public async Task Publisher_never_waits_for_a_stuck_subscriber()
    {
        var topic = Topic.Events<int>("test.stuck", capacity: 16);
        var stuck = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        using var _ = hub.Subscribe(topic, async (_, ct) =>
        {
            entered.TrySetResult();
            await stuck.Task.WaitAsync(ct);
        });

        hub.Publish(topic, -1);
        await entered.Task.WaitAsync(Patience);
        var publishing = Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                hub.Publish(topic, i);
            }
        });

        await publishing.WaitAsync(Patience);
        Assert.False(stuck.Task.IsCompleted);
        Assert.Equal(10_000 - 16, Stats("test.stuck").Dropped);
    }

    [Fact]
    public async Task Min_interval_coalesces_a_burst_into_few_deliveries()
    {
        var topic = Topic.Events<int>("test.burst", capacity: 2048);
        var calls = 0;
        var total = 0;
        using var _ = hub.Subscribe(
            topic,
            (batch, _) =>
            {
                Interlocked.Increment(ref calls);
                Interlocked.Add(ref total, batch.Count);
                return ValueTask.CompletedTask;
            },
            TimeSpan.FromMilliseconds(200));

        for (var i = 0; i < 1000; i++)
        {
            hub.Publish(topic, i);
        }

        await WaitUntil(() => Volatile.Read(ref total) == 1000);
        // The first value may be delivered alone before the rest arrive; the rest arrive as one batch.
        Assert.InRange(calls, 1, 2);
    }

    [Fact]
    public async Task Disposing_a_subscription_stops_delivery_and_unregisters_it()
    {
        var topic = Topic.Events<int>("test.dispose");
        var received = 0;
        var subscription = hub.Subscribe(topic, (batch, _) =>
        {
            Interlocked.Add(ref received, batch.Count);
            return ValueTask.CompletedTask;
        });

        hub.Publish(topic, 1);
        await WaitUntil(() => Volatile.Read(ref received) == 1);
        Assert.Equal(1, Stats("test.dispose").Subscriptions);

        subscription.Dispose();
        hub.Publish(topic, 2);
        await Task.Delay(100);

        Assert.Equal(1, received);
        Assert.Equal(0, Stats("test.dispose").Subscriptions);
    }

    [Fact]
    public async Task A_failing_handler_is_counted_and_keeps_its_subscription()
    {
        var topic = Topic.Events<int>("test.faulty");
        var calls = 0;
        using var _ = hub.Subscribe(topic, (_, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("boom");
            }

            return ValueTask.CompletedTask;
        });

        hub.Publish(topic, 1);
        await WaitUntil(() => Stats("test.faulty").HandlerFaults == 1);
        hub.Publish(topic, 2);
        await WaitUntil(() => Stats("test.faulty").Delivered == 1);
    }

    [Fact]
    public async Task A_new_subscriber_starts_from_the_latest_snapshot()
    {
        var topic = Topic.Snapshot<string>("test.latest");
        hub.Publish(topic, "old");
        hub.Publish(topic, "current");
        var got = new TaskCompletionSource<string>();
        using var _ = hub.Subscribe(topic, (batch, _) =>
        {
            got.TrySetResult(batch[^1]);
            return ValueTask.CompletedTask;
        });

        Assert.Equal("current", await got.Task.WaitAsync(Patience));
        Assert.True(hub.TryGetLatest(topic, out var latest));
        Assert.Equal("current", latest);
    }

    [Fact]
    public void Statistics_list_every_contract_topic_before_first_use()
    {
        // The topics as the features declare them when they register, before anything is published.
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection()
            .AddHostMetrics(configuration)
            .AddContainers(configuration)
            .AddSessions(configuration)
            .AddAlerts(configuration)
            .AddShipments(configuration)
            .AddRouteNews(configuration);
        using var provider = services.BuildServiceProvider();
        var declaredHub = new TopicHub(NullLogger<TopicHub>.Instance, provider.GetServices<TopicDeclaration>());
        var names = declaredHub.GetStatistics().Topics.Select(t => t.Topic);
        Assert.Equal(["alerts", "container-events", "containers", "metrics", "packing", "routes", "sessions"], names);
    }

    [Fact]
    public void A_topic_name_cannot_change_kind()
    {
        hub.Publish(Topic.Events<int>("test.kind"), 1);
        Assert.Throws<InvalidOperationException>(() => hub.Publish(Topic.Snapshot<int>("test.kind"), 1));
    }

    private TopicStatistics Stats(string topic) => hub.GetStatistics().Topics.Single(t => t.Topic == topic);

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
