using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Health;

/// <summary>Stores every component state transition, batching bursts into one write.</summary>
public sealed class ComponentEventRecorder(
    ComponentStates states,
    IDbContextFactory<KittDbContext> dbFactory,
    ILogger<ComponentEventRecorder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = states.Transitions;
        var batch = new List<ComponentEvent>();
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < 256 && reader.TryRead(out var state))
            {
                batch.Add(new ComponentEvent { Component = state.Name, Status = state.Status, Reason = state.Reason, At = state.Since });
            }

            // Keep the batch until it is stored: transitions are history an operator relies on.
            while (batch.Count > 0)
            {
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                    db.ComponentEvents.AddRange(batch);
                    await db.SaveChangesAsync(stoppingToken);
                    states.Report(ComponentStates.Database, ComponentStatus.Running);
                    batch.Clear();
                }
                catch (Exception ex) when (ex is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
                {
                    logger.LogWarning(ex, "Cannot store {Count} component transitions", batch.Count);
                    states.Report(ComponentStates.Database, ComponentStatus.Degraded, "cannot write: " + ex.GetBaseException().Message);
                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                }
            }
        }
    }
}
