using Kitt.Dashboard.Health;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Data;

/// <summary>
/// Writes batches of history for the background recorders. A batch is kept and retried until it is stored:
/// history is what an operator relies on after an incident, so a busy or failing database delays it, never drops it.
/// The database's state on /health follows the outcome.
/// </summary>
public sealed class StoreWriter(
    IDbContextFactory<KittDbContext> dbFactory,
    ComponentStates states,
    TimeProvider clock,
    ILogger<StoreWriter> logger)
{
    public async Task WriteAsync<T>(IReadOnlyCollection<T> batch, string what, CancellationToken cancellationToken)
        where T : class
    {
        if (batch.Count == 0)
        {
            return;
        }

        await DatabaseRetry.UntilDoneAsync(
            async token =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(token);
                db.Set<T>().AddRange(batch);
                return await db.SaveChangesAsync(token);
            },
            states,
            ComponentStates.Database,
            $"cannot write {batch.Count} {what}",
            logger,
            clock,
            cancellationToken);
    }
}
