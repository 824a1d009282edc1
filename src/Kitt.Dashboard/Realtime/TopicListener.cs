namespace Kitt.Dashboard.Realtime;

/// <summary>
/// An in-memory view kept current from one topic for the app's lifetime. It subscribes in <c>StartAsync</c>, before
/// the host goes on, so nothing announced after start-up is missed; values arrive one by one, in order.
/// </summary>
public abstract class TopicListener<T>(ITopicHub hub, Topic<T> topic) : IHostedService
{
    private IDisposable? subscription;

    protected abstract void OnPublished(T value);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = hub.Subscribe(topic, (batch, _) =>
        {
            foreach (var value in batch)
            {
                OnPublished(value);
            }

            return ValueTask.CompletedTask;
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }
}
