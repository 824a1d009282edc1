using Kitt.Dashboard.Data;
using Kitt.Dashboard.Protocol;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Shipments;

/// <summary>A job taken from the queue: its id, and whether an instance had it before (its claim lapsed).</summary>
public sealed record ClaimedJob(long Id, bool Lapsed);

/// <summary>
/// The provider's half of the packing queue: taking the next job, urgent work first and then first come first served,
/// as one claim that no other instance can take at the same time. A job is claimable while <c>queued</c>, and while
/// <c>packing</c> once its claim's lease lapsed (the instance packing it died), unless it is the claimer's own: a job
/// this instance still packs is never taken up twice, whatever kept it from renewing.
/// </summary>
public interface IJobClaim
{
    Task<ClaimedJob?> ClaimNextAsync(KittDbContext db, string holder, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);
}

/// <summary>
/// SQLite's claim: it has one writer at a time, so the next job is read and then taken by a conditional update;
/// a claim lost to a cancel or another writer between the two simply tries the next job.
/// </summary>
internal sealed class SqliteJobClaim : IJobClaim
{
    public async Task<ClaimedJob?> ClaimNextAsync(KittDbContext db, string holder, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        for (var tries = 0; tries < 5; tries++)
        {
            var next = await db.Set<Shipment>()
                .Where(s => s.Status == ShipmentStatus.Queued ||
                    (s.Status == ShipmentStatus.Packing && s.ClaimedBy != holder && (s.LeaseUntil == null || s.LeaseUntil < now)))
                .OrderBy(s => s.Priority == ShipmentPriority.Urgent ? 0 : s.Priority == ShipmentPriority.High ? 1 : 2)
                .ThenBy(s => s.CreatedAt).ThenBy(s => s.Id)
                .Select(s => new { s.Id, s.Status, s.LeaseUntil, s.ClaimedBy }).FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                return null;
            }

            var claimed = await db.Set<Shipment>()
                .Where(s => s.Id == next.Id && s.Status == next.Status && s.LeaseUntil == next.LeaseUntil && s.ClaimedBy == next.ClaimedBy)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Status, ShipmentStatus.Packing)
                    .SetProperty(s => s.StartedAt, now)
                    .SetProperty(s => s.UpdatedAt, now)
                    .SetProperty(s => s.ClaimedBy, holder)
                    .SetProperty(s => s.LeaseUntil, leaseUntil)
                    .SetProperty(s => s.Attempts, s => s.Attempts + 1), cancellationToken);
            if (claimed == 1)
            {
                return new ClaimedJob(next.Id, next.Status == ShipmentStatus.Packing);
            }
        }

        return null;
    }
}
