using Kitt.Dashboard.Data;
using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.Containers;

/// <summary>Stores one row per container and minute from the polls on <c>containers</c>, for the long history charts.</summary>
public sealed class ContainerUsageRecorder(ITopicHub hub, StoreWriter store)
    : TopicRecorder<ContainersSnapshot, ContainerUsageMinute>(hub, store, ContainersSnapshot.Topic, TimeSpan.Zero)
{
    private readonly MinuteAggregator aggregator = new();

    protected override IReadOnlyCollection<ContainerUsageMinute> ToRows(IReadOnlyList<ContainersSnapshot> batch) =>
        [.. batch.SelectMany(aggregator.Add)];

    protected override IReadOnlyCollection<ContainerUsageMinute> Flush() => aggregator.Flush();
}
