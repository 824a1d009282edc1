using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>What Admins read of deliveries, for the API and the Notifications page alike.</summary>
public sealed class NotificationLog(IDbContextFactory<KittDbContext> dbFactory, ReceiverHealth health, NotificationRoutes routes)
{
    /// <summary>Notifications listed at most.</summary>
    public const int MaxTake = 500;

    public IReadOnlyList<NotificationRoute> Routes => routes.All;

    /// <param name="receiver">Only this receiver's; null for all.</param>
    /// <param name="waiting">True: only the undelivered; false: only the delivered; null: both.</param>
    public async Task<NotificationListing> ListAsync(string? receiver, bool? waiting, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<NotificationRow>().AsNoTracking();
        if (receiver is { Length: > 0 })
        {
            rows = rows.Where(n => n.Receiver == receiver);
        }

        if (waiting is { } w)
        {
            rows = w ? rows.Where(n => n.DeliveredAt == null && n.RefusedAt == null) : rows.Where(n => n.DeliveredAt != null);
        }

        var items = await rows.OrderByDescending(n => n.Id).Take(Math.Clamp(take, 1, MaxTake))
            .Select(n => new NotificationItem(n.Key, n.Receiver, n.GroupKey, n.Status, n.AlertCount, n.CreatedAt, n.Attempts, n.LastError, n.NextAttemptAt, n.DeliveredAt, n.RefusedAt))
            .ToListAsync(cancellationToken);
        var states = health.Current.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        var receivers = routes.Receivers.Select(r => states.GetValueOrDefault(r.Key) ?? new ReceiverStatus(r.Key, ReceiverKinds.Of(r.Value), true, null, null, 0));
        return new NotificationListing([.. receivers], items);
    }
}
