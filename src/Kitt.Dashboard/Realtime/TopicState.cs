namespace Kitt.Dashboard.Realtime;

/// <summary>The subscribers and counters of one topic. Subscribers are copy-on-write so publishing takes no lock.</summary>
internal sealed class TopicState(string name, TopicKind kind)
{
    private readonly Lock gate = new();
    private ISubscriber[] subscribers = [];
    private object? latest;
    private bool hasLatest;
    private long published;
    private long delivered;
    private long superseded;
    private long dropped;
    private long handlerFaults;

    public string Name { get; } = name;

    public TopicKind Kind { get; } = kind;

    public ISubscriber[] Subscribers => Volatile.Read(ref subscribers);

    public void Add(ISubscriber subscriber)
    {
        lock (gate)
        {
            subscribers = [.. subscribers, subscriber];
        }
    }

    public void Remove(ISubscriber subscriber)
    {
        lock (gate)
        {
            subscribers = Array.FindAll(subscribers, s => !ReferenceEquals(s, subscriber));
        }
    }

    public void RememberLatest(object? value)
    {
        lock (gate)
        {
            latest = value;
            hasLatest = true;
        }
    }

    public bool TryGetLatest(out object? value)
    {
        lock (gate)
        {
            value = latest;
            return hasLatest;
        }
    }

    public void CountPublished() => Interlocked.Increment(ref published);

    public void CountDelivered(int count) => Interlocked.Add(ref delivered, count);

    public void CountOverflow()
    {
        if (Kind == TopicKind.Snapshot)
        {
            Interlocked.Increment(ref superseded);
        }
        else
        {
            Interlocked.Increment(ref dropped);
        }
    }

    public void CountHandlerFault() => Interlocked.Increment(ref handlerFaults);

    public TopicStatistics Snapshot() => new(
        Name,
        Kind == TopicKind.Snapshot ? "snapshot" : "event",
        Subscribers.Length,
        Interlocked.Read(ref published),
        Interlocked.Read(ref delivered),
        Interlocked.Read(ref superseded),
        Interlocked.Read(ref dropped),
        Interlocked.Read(ref handlerFaults));
}

internal interface ISubscriber
{
    void Offer(object? value);
}
