using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// What the packing worker and the rest of the app share in memory: a wake-up when a job is queued and the
/// cancellation of jobs in flight. The queue itself is the shipments table, so nothing here needs to survive a restart.
/// </summary>
public sealed class PackingJobs
{
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<long, CancellationTokenSource> running = new();

    public void Wake() => wake.Writer.TryWrite(true);

    /// <summary>Waits for a wake-up or the timeout, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await wake.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    public bool IsRunning(long shipmentId) => running.ContainsKey(shipmentId);

    public int RunningCount => running.Count;

    internal void Track(long shipmentId, CancellationTokenSource cancel) => running[shipmentId] = cancel;

    internal void Untrack(long shipmentId) => running.TryRemove(shipmentId, out _);

    /// <summary>Stops the search of a job in flight; the worker then records it as cancelled.</summary>
    internal void Cancel(long shipmentId)
    {
        if (running.TryGetValue(shipmentId, out var cancel))
        {
            try
            {
                cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The job finished meanwhile.
            }
        }
    }
}
