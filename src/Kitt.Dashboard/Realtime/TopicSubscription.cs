using System.Diagnostics;
using System.Threading.Channels;

namespace Kitt.Dashboard.Realtime;

/// <summary>
/// One subscriber's bounded channel and the loop that drains it into the handler. A slow handler only ever
/// delays itself: the publisher writes with TryWrite into a drop-oldest buffer and moves on.
/// </summary>
internal sealed class TopicSubscription<T> : ISubscriber, IDisposable
{
    private readonly TopicState state;
    private readonly TopicHandler<T> handler;
    private readonly long minIntervalTicks;
    private readonly Channel<T> channel;
    private readonly CancellationTokenSource stopping = new();
    private readonly ILogger logger;
    private int disposed;

    public TopicSubscription(TopicState state, Topic<T> topic, TopicHandler<T> handler, TimeSpan minInterval, ILogger logger)
    {
        this.state = state;
        this.handler = handler;
        this.logger = logger;
        minIntervalTicks = (long)(minInterval.TotalSeconds * Stopwatch.Frequency);
        channel = Channel.CreateBounded<T>(
            new BoundedChannelOptions(topic.Capacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = false,
            },
            _ => state.CountOverflow());
    }

    public void Start() => _ = Task.Run(PumpAsync);

    public void Offer(object? value) => channel.Writer.TryWrite((T)value!);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        state.Remove(this);
        stopping.Cancel();
        channel.Writer.TryComplete();
    }

    private async Task PumpAsync()
    {
        var reader = channel.Reader;
        var batch = new List<T>();
        var token = stopping.Token;
        long lastDelivery = 0;
        try
        {
            // No token here: Dispose completes the channel, which ends the wait, and an uncancellable wait reuses
            // the channel's pooled operation instead of allocating one per delivery.
            while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                await WaitForIntervalAsync(lastDelivery, token).ConfigureAwait(false);
                batch.Clear();
                while (reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                await DeliverAsync(batch, token).ConfigureAwait(false);
                lastDelivery = Stopwatch.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Unsubscribed: the loop ends. The source has no timer, so it is left to the GC rather than disposed
            // here, where a concurrent Dispose() could still be cancelling it.
        }
    }

    private Task WaitForIntervalAsync(long lastDelivery, CancellationToken token)
    {
        if (minIntervalTicks == 0 || lastDelivery == 0)
        {
            return Task.CompletedTask;
        }

        var remaining = lastDelivery + minIntervalTicks - Stopwatch.GetTimestamp();
        return remaining <= 0
            ? Task.CompletedTask
            : Task.Delay(TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency), token);
    }

    private async ValueTask DeliverAsync(List<T> batch, CancellationToken token)
    {
        try
        {
            await handler(batch, token).ConfigureAwait(false);
            state.CountDelivered(batch.Count);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A faulty subscriber must not take the topic down for others; it is counted in /stats.
            state.CountHandlerFault();
            logger.LogWarning(ex, "Subscriber of topic {Topic} failed to handle {Count} values", state.Name, batch.Count);
        }
    }
}
