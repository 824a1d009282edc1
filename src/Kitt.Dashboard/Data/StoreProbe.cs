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

        // A real write, rolled back: a read-only file, a full disk or a lost lock fails here, not at the next alert.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS kitt_write_probe (id INTEGER)", cancellationToken);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO kitt_write_probe (id) VALUES (1)", cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        return null;
    }
}
