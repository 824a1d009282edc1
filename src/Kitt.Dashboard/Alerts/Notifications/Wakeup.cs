namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>A wake-up call that coalesces: any number of signals before a wait end that one wait.</summary>
public sealed class Wakeup
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Signal()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Signalled already by another thread: the waiter wakes either way.
            }
        }
    }

    /// <summary>Waits for a signal or <paramref name="timeout"/>, whichever comes first; never throws on cancellation.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await signal.WaitAsync(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The caller's loop sees its token.
        }
    }
}

/// <summary>Tells the notifier that notices were stored; the alert store calls it after its commit.</summary>
public sealed class NoticeSignal
{
    public Wakeup Wakeup { get; } = new();
}
