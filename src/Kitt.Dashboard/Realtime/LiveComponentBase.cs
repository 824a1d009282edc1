using Microsoft.AspNetCore.Components;

namespace Kitt.Dashboard.Realtime;

/// <summary>
/// Base for components that show live topics. <see cref="Subscribe{T}(Topic{T}, Action{IReadOnlyList{T}})"/> is the one-liner: the subscription is
/// coalesced to at most one render per <see cref="RenderInterval"/> and is disposed with the component, so it
/// cannot outlive the page.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    /// <summary>At most one render per interval, whatever the event rate.</summary>
    public static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(100);

    private readonly List<IDisposable> subscriptions = [];
    private bool disposed;

    [Inject]
    protected ITopicHub Hub { get; set; } = default!;

    /// <summary>
    /// Calls <paramref name="onBatch"/> on the renderer's thread with everything that arrived since the last render,
    /// then renders once. A snapshot topic's latest value is handed over at once, so the first (pre)render
    /// already shows data.
    /// </summary>
    protected void Subscribe<T>(Topic<T> topic, Action<IReadOnlyList<T>> onBatch) => Subscribe<T>(topic, batch =>
    {
        onBatch(batch);
        return Task.CompletedTask;
    });

    /// <summary>
    /// As <see cref="Subscribe{T}(Topic{T}, Action{IReadOnlyList{T}})"/>, for a component that reloads from a store
    /// when a topic announces something (the batch says that, the store says what). The first snapshot of a
    /// snapshot topic is handed over synchronously only if the handler completes synchronously.
    /// </summary>
    protected void Subscribe<T>(Topic<T> topic, Func<IReadOnlyList<T>, Task> onBatch)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (topic.Kind == TopicKind.Snapshot && Hub.TryGetLatest(topic, out var latest))
        {
            _ = onBatch([latest]);
        }

        subscriptions.Add(Hub.Subscribe<T>(
            topic,
            (batch, _) => new ValueTask(InvokeAsync(async () =>
            {
                if (disposed)
                {
                    return;
                }

                await onBatch(batch);
                StateHasChanged();
            })),
            RenderInterval));
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        subscriptions.Clear();
        OnDisposed();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a derived component holds besides its subscriptions.</summary>
    protected virtual void OnDisposed()
    {
    }
}
