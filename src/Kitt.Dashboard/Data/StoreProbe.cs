using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Data;

/// <summary>What the readiness probe asks of the store: every migration applied, and a write that goes through.</summary>
public static class StoreProbe
{
    public static async Task<string?> ProblemAsync(KittDbContext db, CancellationToken cancellationToken)
    {
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList() is { Count: > 0 } pending)
        {
            return $"{pending.Count} migrations are not applied yet ({pending[0]} first)";
        }

        // A real write, rolled back: a read-only file, a full disk, a lost lock or a read-only server fails here, not
        // at the next alert. A row of its own in an existing table: no schema change, so instances probing the same
        // database at the same moment never collide.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Leases.Add(new Leases.Lease { Name = "write-probe-" + Guid.NewGuid().ToString("N")[..20], Holder = "readiness probe" });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return null;
    }
}
