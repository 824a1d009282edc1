using Kitt.Dashboard.Data;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Shipments;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts.Rules;

/// <summary>
/// Reads the backlogs rules may watch from the store, which every instance shares: shipments queued for packing and
/// events waiting in the outbox. Read at most every <see cref="MaxAge"/>, and only while a rule watches them; both
/// counts use a filtered index. A failing store leaves the last reading in force rather than a made-up zero.
/// </summary>
public sealed class BacklogReader(IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock, ILogger<BacklogReader> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private Backlog? last;
    private long? readAt;

    /// <summary>The backlogs, read again if the last reading is older than <see cref="MaxAge"/>; null until one could be read.</summary>
    public async Task<Backlog?> ReadAsync(bool queue, bool outbox, CancellationToken cancellationToken)
    {
        if (readAt is { } at && clock.GetElapsedTime(at) < MaxAge)
        {
            return last;
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var queued = queue ? await db.Set<Shipment>().CountAsync(s => s.Status == ShipmentStatus.Queued, cancellationToken) : last?.QueuedShipments ?? 0;
            var waiting = outbox ? await db.Outbox.CountAsync(e => e.SentAt == null, cancellationToken) : last?.OutboxWaiting ?? 0;
            (last, readAt) = (new Backlog(queued, waiting), clock.GetTimestamp());
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            logger.LogDebug(ex, "Backlogs not read; the last reading applies");
        }

        return last;
    }
}
