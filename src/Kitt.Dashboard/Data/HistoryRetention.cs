using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Data.Leases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Data;

/// <summary>
/// Deletes history older than <see cref="HistoryOptions"/> allow, and moves old resolved alerts to the archive, at
/// start and then every hour; on one instance at a time where instances share a store (the <see cref="LeaseName"/> lease),
/// so no alert is archived twice.
/// </summary>
public sealed class HistoryRetention(
    IDbContextFactory<KittDbContext> dbFactory,
    AlertArchive alerts,
    IOptions<HistoryOptions> options,
    TimeProvider clock,
    LeasedWork leased,
    ILogger<HistoryRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public const string LeaseName = "retention";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leased.RunAsync(LeaseName, SweepEveryIntervalAsync, null, stoppingToken);

    private async Task SweepEveryIntervalAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (StoreErrors.IsStoreFailure(ex) || ex is IOException or UnauthorizedAccessException)
            {
                // Nothing is lost by sweeping later.
                logger.LogWarning(ex, "History retention sweep failed; retrying in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <returns>The number of rows deleted or archived.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var containersBefore = now.AddDays(-options.Value.ContainerDays);
        var sessionsBefore = now.AddDays(-options.Value.SessionDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.ContainerUsage.Where(m => m.Minute < containersBefore).ExecuteDeleteAsync(cancellationToken);
        deleted += await db.SessionLog.Where(e => e.At < sessionsBefore).ExecuteDeleteAsync(cancellationToken);
        var eventsBefore = now.AddDays(-options.Value.EventDays);
        deleted += await db.Outbox.Where(e => e.SentAt != null && e.SentAt < eventsBefore).ExecuteDeleteAsync(cancellationToken);
        deleted += await db.Inbox.Where(e => e.HandledAt < eventsBefore).ExecuteDeleteAsync(cancellationToken);
        // Delivered notifications only: one still waiting for its receiver is kept however old.
        deleted += await db.Set<Alerts.Notifications.NotificationRow>().Where(n => n.DeliveredAt != null && n.DeliveredAt < eventsBefore).ExecuteDeleteAsync(cancellationToken);
        deleted += await alerts.ArchiveAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("History retention removed {Count} rows", deleted);
        }

        return deleted;
    }
}
