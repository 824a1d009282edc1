using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// The bounded pool of previews packed inside a request: <c>Packing:MaxPreviews</c> at once; a caller beyond waits up to
/// <c>Packing:PreviewWaitSeconds</c> and is then refused with a reason, while queued shipments go on in the worker.
/// </summary>
public sealed class PackingPreviews(IOptions<PackingWorkerOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.MaxPreviews, options.Value.MaxPreviews);

    public int Capacity => options.Value.MaxPreviews;

    /// <returns>A slot to dispose when the preview is done, or null when none came free in time.</returns>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken) =>
        await slots.WaitAsync(TimeSpan.FromSeconds(options.Value.PreviewWaitSeconds), cancellationToken) ? new Slot(slots) : null;

    public void Dispose() => slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
