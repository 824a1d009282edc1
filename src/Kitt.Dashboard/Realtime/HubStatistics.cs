namespace Kitt.Dashboard.Realtime;

/// <summary>Counters of one topic since start-up.</summary>
/// <param name="Superseded">Snapshot values replaced by a newer one before a subscriber read them (by design).</param>
/// <param name="Dropped">Event values lost because a subscriber's buffer was full: never silent, always counted.</param>
public sealed record TopicStatistics(
    string Topic,
    string Kind,
    int Subscriptions,
    long Published,
    long Delivered,
    long Superseded,
    long Dropped,
    long HandlerFaults);

public sealed record HubStatistics(IReadOnlyList<TopicStatistics> Topics)
{
    public long Published => Topics.Sum(t => t.Published);

    public long Delivered => Topics.Sum(t => t.Delivered);

    public long Dropped => Topics.Sum(t => t.Dropped);
}
