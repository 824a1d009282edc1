namespace Kitt.Dashboard.Shipments.Report;

/// <summary>
/// Makes load reports a few at a time, off the request's thread: each takes a second or two of every core, and share
/// links reach them without an account, so a burst of them must not starve the circuits and the API of threads.
/// </summary>
public sealed class LoadReports(TimeProvider clock) : IDisposable
{
    /// <summary>How long a request waits for a report to be free before it is told to come back.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim slots = new(Capacity, Capacity);

    public static int Capacity { get; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <returns>The PDF, or null when no report came free within <see cref="Wait"/>.</returns>
    public async Task<byte[]?> WriteAsync(ShipmentLoading loading, CancellationToken cancellationToken)
    {
        if (!await slots.WaitAsync(Wait, cancellationToken))
        {
            return null;
        }

        try
        {
            return await Task.Run(() => LoadReport.Write(loading, clock.GetUtcNow(), cancellationToken), cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
