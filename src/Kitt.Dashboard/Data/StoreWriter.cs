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
    ILogger<StoreWriter> logger)
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    public async Task WriteAsync<T>(IReadOnlyCollection<T> batch, string what, CancellationToken cancellationToken)
        where T : class
    {
        if (batch.Count == 0)
        {
            return;
        }

        while (true)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                db.Set<T>().AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                states.Report(ComponentStates.Database, ComponentStatus.Running);
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
            {
                logger.LogWarning(ex, "Cannot store {Count} {What}", batch.Count, what);
                states.Report(ComponentStates.Database, ComponentStatus.Degraded, "cannot write: " + ex.GetBaseException().Message);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }
}
