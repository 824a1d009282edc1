using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.Data;

/// <summary>
/// Stores what a topic announces, as a subscriber like any page. While a write waits for the database the
/// topic keeps buffering for it (bounded; overflow is counted in /stats), so publishers never wait for disk.
/// </summary>
public abstract class TopicRecorder<T, TRow>(ITopicHub hub, StoreWriter store, Topic<T> topic, TimeSpan batchInterval)
    : BackgroundService
    where TRow : class
{
    private static readonly TimeSpan FinalWriteLimit = TimeSpan.FromSeconds(5);

    // The hub calls ToRows from its own loop; Flush runs on shutdown, possibly while a last batch is in flight.
    private readonly Lock gate = new();

    private IDisposable? subscription;

    // Subscribing before the host goes on means nothing announced after start-up is missed.
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = hub.Subscribe(topic, (batch, ct) => new ValueTask(store.WriteAsync(Rows(batch), topic.Name + " history", ct)), batchInterval);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: store what is still held below.
        }

        subscription?.Dispose();
        IReadOnlyCollection<TRow> rest;
        lock (gate)
        {
            rest = Flush();
        }

        using var limit = new CancellationTokenSource(FinalWriteLimit);
        await store.WriteAsync(rest, topic.Name + " history", limit.Token);
    }

    /// <summary>The rows to store for one batch (the batch list is reused by the hub: copy out of it).</summary>
    protected abstract IReadOnlyCollection<TRow> ToRows(IReadOnlyList<T> batch);

    /// <summary>Rows still held back when the app stops.</summary>
    protected virtual IReadOnlyCollection<TRow> Flush() => [];

    private IReadOnlyCollection<TRow> Rows(IReadOnlyList<T> batch)
    {
        lock (gate)
        {
            return ToRows(batch);
        }
    }
}
