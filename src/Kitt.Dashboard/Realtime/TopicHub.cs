using System.Collections.Concurrent;

namespace Kitt.Dashboard.Realtime;

/// <inheritdoc />
/// <param name="declared">The topics the features publish; others are added as they are first used.</param>
public sealed class TopicHub(ILogger<TopicHub> logger, IEnumerable<TopicDeclaration>? declared = null) : ITopicHub
{
    private readonly ConcurrentDictionary<string, TopicState> topics = new(
        (declared ?? []).Select(t => KeyValuePair.Create(t.Name, new TopicState(t.Name, t.Kind))),
        StringComparer.Ordinal);

    public void Publish<T>(Topic<T> topic, T value)
    {
        var state = StateOf(topic);
        state.CountPublished();
        if (topic.Kind == TopicKind.Snapshot)
        {
            state.RememberLatest(value);
        }

        foreach (var subscriber in state.Subscribers)
        {
            subscriber.Offer(value);
        }
    }

    public IDisposable Subscribe<T>(Topic<T> topic, TopicHandler<T> handler, TimeSpan minInterval = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfLessThan(minInterval, TimeSpan.Zero);
        var state = StateOf(topic);
        var subscription = new TopicSubscription<T>(state, topic, handler, minInterval, logger);
        state.Add(subscription);
        if (topic.Kind == TopicKind.Snapshot && state.TryGetLatest(out var latest))
        {
            subscription.Offer(latest);
        }

        subscription.Start();
        return subscription;
    }

    public bool TryGetLatest<T>(Topic<T> topic, out T value)
    {
        if (StateOf(topic).TryGetLatest(out var latest))
        {
            value = (T)latest!;
            return true;
        }

        value = default!;
        return false;
    }

    public HubStatistics GetStatistics() =>
        new([.. topics.Values.Select(s => s.Snapshot()).OrderBy(s => s.Topic, StringComparer.Ordinal)]);

    private TopicState StateOf<T>(Topic<T> topic)
    {
        var state = topics.GetOrAdd(topic.Name, static (name, kind) => new TopicState(name, kind), topic.Kind);
        if (state.Kind != topic.Kind)
        {
            throw new InvalidOperationException($"Topic '{topic.Name}' is already used as a {state.Kind} topic.");
        }

        return state;
    }
}
