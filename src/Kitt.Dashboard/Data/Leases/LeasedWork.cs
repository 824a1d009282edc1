using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Data.Leases;

/// <summary>
/// Runs work on one instance at a time: every instance asks for the lease; the one that holds it runs the work and
/// renews the lease every third of its length; the others wait and ask again. The work's token is cancelled when
/// the lease is lost (a renewal refused, or none possible before it expires), so two instances never both run it
/// past the lease's end: a timer cancels it at the last third of the time the lease was last renewed for, whether
/// or not a renewal is still waiting on the store. With one instance (SQLite) the lease is always this instance's,
/// also right after a crash (<see cref="LeaseStore"/>).
/// </summary>
public sealed class LeasedWork(LeaseStore leases, IOptions<LeaseOptions> options, TimeProvider clock, ILogger<LeasedWork> logger)
{
    /// <summary>How often an instance that does not hold a lease asks for it again.</summary>
    public TimeSpan Retry => options.Value.Duration / 5;

    /// <param name="standby">Told each time this instance waits while another holds the lease.</param>
    /// <returns>When the work returned by itself (it had nothing to do), or at the stop.</returns>
    public async Task RunAsync(string name, Func<CancellationToken, Task> work, Action? standby, CancellationToken stoppingToken)
    {
        var duration = options.Value.Duration;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await TryHoldAsync(name, duration, stoppingToken))
            {
                standby?.Invoke();
                await Task.Delay(Retry, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            logger.LogInformation("This instance now runs {Work}", name);
            using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var renewal = RenewAsync(name, duration, held);
            var finished = false;
            try
            {
                await work(held.Token);
                finished = !held.IsCancellationRequested;
            }
            catch (OperationCanceledException) when (held.IsCancellationRequested)
            {
                // lost the lease, or stopping
            }
            finally
            {
                await held.CancelAsync();
                await renewal;
            }

            if (stoppingToken.IsCancellationRequested || finished)
            {
                await ReleaseAsync(name);
                return;
            }

            logger.LogWarning("This instance lost the lease of {Work}; another instance runs it now", name);
        }
    }

    private async Task RenewAsync(string name, TimeSpan duration, CancellationTokenSource held)
    {
        held.CancelAfter(duration - duration / 3);
        while (!held.IsCancellationRequested)
        {
            await Task.Delay(duration / 3, clock, held.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (held.IsCancellationRequested)
            {
                return;
            }

            var asked = clock.GetUtcNow();
            var renewed = await TryHoldAsync(name, duration, held.Token);
            if (renewed && !held.IsCancellationRequested)
            {
                var stopAt = asked + duration - duration / 3;
                held.CancelAfter(TimeSpan.FromTicks(Math.Max(0, (stopAt - clock.GetUtcNow()).Ticks)));
            }
            else if (!held.IsCancellationRequested && !await StillMineAsync(name))
            {
                // Another instance holds it: the work stops now. A renewal that merely failed leaves the work to the
                // timer, which stops it at the last third of the time the lease was last renewed for.
                await held.CancelAsync();
                return;
            }
        }
    }

    private async Task<bool> TryHoldAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            return await leases.TryHoldAsync(name, duration, cancellationToken);
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex) || ex is TimeoutException)
        {
            logger.LogWarning(ex, "Cannot renew or take the lease of {Work}", name);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>False when the store answers that someone else holds it; true when it cannot answer (the time decides then).</summary>
    private async Task<bool> StillMineAsync(string name)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            return (await leases.CurrentAsync(name, timeout.Token))?.Holder is not { } holder || holder == leases.Holder;
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex) || ex is TimeoutException or OperationCanceledException)
        {
            return true;
        }
    }

    private async Task ReleaseAsync(string name)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await leases.ReleaseAsync(name, timeout.Token);
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex) || ex is OperationCanceledException or TimeoutException)
        {
            logger.LogDebug(ex, "Could not hand back the lease of {Work}; it expires by itself", name);
        }
    }
}
