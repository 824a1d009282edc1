using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;

namespace Kitt.Dashboard.Tests.Containers;

public sealed class MinuteAggregatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Completes_a_minute_when_the_next_one_starts_with_averages_peaks_and_last_counters()
    {
        var aggregator = new MinuteAggregator();
        Assert.Empty(aggregator.Add(Poll(0, ("a", 10, 100, 1_000))));
        Assert.Empty(aggregator.Add(Poll(20, ("a", 30, 300, 4_000))));
        Assert.Empty(aggregator.Add(Poll(40, ("a", 20, 200, 9_000))));

        var done = Assert.Single(aggregator.Add(Poll(61, ("a", 90, 900, 10_000))));

        Assert.Equal(Start, done.Minute);
        Assert.Equal(3, done.Samples);
        Assert.Equal(20, done.CpuPercentAvg, 6);
        Assert.Equal(30, done.CpuPercentMax, 6);
        Assert.Equal(200, done.MemoryBytesAvg);
        Assert.Equal(300, done.MemoryBytesMax);
        Assert.Equal(9_000, done.NetRxBytes);
    }

    [Fact]
    public void A_container_that_leaves_completes_its_minute_and_an_unreachable_engine_completes_nothing()
    {
        var aggregator = new MinuteAggregator();
        aggregator.Add(Poll(0, ("a", 10, 100, 0), ("b", 50, 100, 0)));

        Assert.Empty(aggregator.Add(Poll(30, ("a", 10, 100, 0))));
        Assert.Empty(aggregator.Add(new ContainersSnapshot(Start.AddSeconds(70), "unix:///x", ComponentStatus.Unavailable, "gone", [])));

        var done = aggregator.Add(Poll(75, ("a", 10, 100, 0)));
        Assert.Equal(["a", "b"], done.Select(m => m.ContainerId).Order());
        Assert.Equal("a", Assert.Single(aggregator.Flush()).ContainerId);
        Assert.Empty(aggregator.Flush());
    }

    [Fact]
    public void Network_rates_come_from_consecutive_polls_and_a_counter_reset_is_not_negative()
    {
        var first = Poll(0, ("a", 0, 0, 1_000));
        var second = Poll(3, ("a", 0, 0, 4_000), ("new", 0, 0, 500));

        var rated = NetworkRates.Apply(second.Containers, second.At, first);

        Assert.Equal(1_000, rated.Single(r => r.Id == "a").Usage!.NetRxBytesPerSecond, 6);
        Assert.Equal(0, rated.Single(r => r.Id == "new").Usage!.NetRxBytesPerSecond);

        var restarted = Poll(6, ("a", 0, 0, 10));
        Assert.Equal(0, NetworkRates.Apply(restarted.Containers, restarted.At, second)[0].Usage!.NetRxBytesPerSecond);
    }

    internal static ContainersSnapshot Poll(int second, params (string Id, double Cpu, long Memory, long Rx)[] rows) =>
        new(Start.AddSeconds(second), "unix:///x", ComponentStatus.Running, null,
            [.. rows.Select(r => new ContainerRow(r.Id, r.Id, "busybox", "running", "Up", Start,
                Usage: new ContainerUsage(r.Cpu, r.Memory, 1_000, r.Rx, 0, 0, 0, 1)))]);
}
