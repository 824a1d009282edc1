using Kitt.Dashboard.Data;
using Kitt.Dashboard.Protocol;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// PostgreSQL's claim: one statement that locks the next claimable row and skips rows other instances are claiming
/// right now (<c>FOR UPDATE SKIP LOCKED</c>), so instances never wait on each other nor take the same job.
/// </summary>
internal sealed class PostgresJobClaim : IJobClaim
{
    public async Task<ClaimedJob?> ClaimNextAsync(KittDbContext db, string holder, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var (nowTicks, untilTicks) = (now.UtcTicks, leaseUntil.UtcTicks);
        var claimed = await db.Database.SqlQuery<Claimed>($"""
            WITH next AS (
                SELECT "Id", "Status" FROM shipments
                WHERE "Status" = {ShipmentStatus.Queued}
                   OR ("Status" = {ShipmentStatus.Packing} AND "ClaimedBy" IS DISTINCT FROM {holder} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {nowTicks}))
                ORDER BY CASE "Priority" WHEN {ShipmentPriority.Urgent} THEN 0 WHEN {ShipmentPriority.High} THEN 1 ELSE 2 END, "CreatedAt", "Id"
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            UPDATE shipments AS s
            SET "Status" = {ShipmentStatus.Packing}, "StartedAt" = {nowTicks}, "UpdatedAt" = {nowTicks},
                "ClaimedBy" = {holder}, "LeaseUntil" = {untilTicks}, "Attempts" = s."Attempts" + 1
            FROM next WHERE s."Id" = next."Id"
            RETURNING s."Id", next."Status" AS "Was"
            """).ToListAsync(cancellationToken);
        return claimed is [var job] ? new ClaimedJob(job.Id, job.Was == ShipmentStatus.Packing) : null;
    }

    private sealed record Claimed(long Id, string Was);
}
