namespace Kitt.Dashboard.Realtime;

/// <summary>
/// Handles a batch of values. The list is reused by the subscription: it is valid only until the returned
/// task completes, so copy what must outlive the call.
/// </summary>
public delegate ValueTask TopicHandler<T>(IReadOnlyList<T> batch, CancellationToken cancellationToken);

/// <summary>The in-process publish/subscribe spine of the live UI.</summary>
public interface ITopicHub
{
    /// <summary>Offers a value to every subscriber of the topic. Never blocks and never throws for a slow subscriber.</summary>
    void Publish<T>(Topic<T> topic, T value);

    /// <summary>
    /// Subscribes a handler with its own bounded channel. The handler runs on the thread pool, at most once per
    /// <paramref name="minInterval"/>, with everything that arrived since the previous call. A snapshot topic
    /// hands a new subscriber its latest value at once. Dispose the result to unsubscribe.
    /// </summary>
    IDisposable Subscribe<T>(Topic<T> topic, TopicHandler<T> handler, TimeSpan minInterval = default);

    /// <summary>The latest value published on a snapshot topic, if any.</summary>
    bool TryGetLatest<T>(Topic<T> topic, out T value);

    HubStatistics GetStatistics();
}
