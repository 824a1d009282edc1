using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kitt.Dashboard.Tests.Containers;

public sealed class ContainerHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly ContainerHistory history = new(new TopicHub(NullLogger<TopicHub>.Instance));

    [Fact]
    public void Keeps_fifteen_minutes_and_drops_what_is_older()
    {
        for (var minute = 0; minute <= 20; minute++)
        {
            history.Record(Snapshot(Start.AddMinutes(minute), Row("a", cpu: minute)));
        }

        var kept = history.Of("a", DateTimeOffset.MinValue);
        Assert.Equal(16, kept.Count);
        Assert.Equal(5, kept[0].CpuPercent);
        Assert.Equal(20, kept[^1].CpuPercent);
        Assert.Equal([18, 19, 20], history.Of("a", Start.AddMinutes(18)).Select(s => s.CpuPercent));
    }

    [Fact]
    public void A_container_that_leaves_the_engine_leaves_the_history()
    {
        history.Record(Snapshot(Start, Row("a", 1), Row("b", 2)));
        history.Record(Snapshot(Start.AddSeconds(3), Row("b", 3)));

        Assert.False(history.Knows("a"));
        Assert.Equal(2, history.Of("b", DateTimeOffset.MinValue).Count);
    }

    [Fact]
    public void An_engine_outage_keeps_the_history_it_had()
    {
        history.Record(Snapshot(Start, Row("a", 1)));
        history.Record(new ContainersSnapshot(Start.AddSeconds(3), "unix:///x", ComponentStatus.Unavailable, "no Docker engine at unix:///x", []));

        Assert.True(history.Knows("a"));
    }

    [Fact]
    public void Stopped_containers_add_no_samples()
    {
        history.Record(Snapshot(Start, new ContainerRow("c", "c", "img", "exited", "Exited (0)", Start)));
        Assert.False(history.Knows("c"));
    }

    private static ContainersSnapshot Snapshot(DateTimeOffset at, params ContainerRow[] rows) =>
        new(at, "unix:///x", ComponentStatus.Running, null, rows);

    private static ContainerRow Row(string id, double cpu) =>
        new(id, id, "img", "running", "Up", Start, Usage: new ContainerUsage(cpu, 1024, 4096, 0, 0, 0, 0, 1));
}
