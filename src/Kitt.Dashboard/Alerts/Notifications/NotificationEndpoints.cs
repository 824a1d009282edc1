using Kitt.Dashboard.Data;
using Kitt.Dashboard.Security;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>What Admins read of deliveries: each receiver's state and the latest notifications with their attempts.</summary>
public static class NotificationEndpoints
{
    /// <summary>Notifications listed at most.</summary>
    public const int MaxTake = 500;

    public static IEndpointRouteBuilder MapAlertNotifications(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/alerts/notifications", async (int? take, string? receiver, bool? waiting, Notifier notifier, NotificationRoutes routes,
            IDbContextFactory<KittDbContext> dbFactory, CancellationToken ct) =>
        {
            if (take is < 1 or > MaxTake)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["take"] = [$"must be 1 to {MaxTake}"] });
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = db.Set<NotificationRow>().AsNoTracking();
            if (receiver is { Length: > 0 })
            {
                rows = rows.Where(n => n.Receiver == receiver);
            }

            if (waiting is { } w)
            {
                rows = w ? rows.Where(n => n.DeliveredAt == null) : rows.Where(n => n.DeliveredAt != null);
            }

            var items = await rows.OrderByDescending(n => n.Id).Take(take ?? 100)
                .Select(n => new NotificationItem(n.Key, n.Receiver, n.GroupKey, n.Status, n.AlertCount, n.CreatedAt, n.Attempts, n.LastError, n.NextAttemptAt, n.DeliveredAt))
                .ToListAsync(ct);
            var states = notifier.Receivers().ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
            var receivers = routes.Receivers.Select(r => states.GetValueOrDefault(r.Key) ?? new ReceiverStatus(r.Key, ReceiverKinds.Of(r.Value), true, null, null, 0));
            return Results.Json(new NotificationListing([.. receivers], items));
        })
        .RequireAuthorization(Policies.Administer)
        .WithTags("Alerts")
        .WithName("ListAlertNotifications")
        .WithSummary("Receivers and their delivery state, and the latest notifications with attempts and last error")
        .Produces<NotificationListing>()
        .ProducesValidationProblem();
        return endpoints;
    }
}

/// <summary>A notification as Admins see it: where it goes, what it holds, and how its delivery goes.</summary>
public sealed record NotificationItem(
    string Key,
    string Receiver,
    string GroupKey,
    string Status,
    int AlertCount,
    DateTimeOffset CreatedAt,
    int Attempts,
    string? LastError,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? DeliveredAt);

/// <summary>The body of <c>GET /api/alerts/notifications</c>.</summary>
public sealed record NotificationListing(IReadOnlyList<ReceiverStatus> Receivers, IReadOnlyList<NotificationItem> Items);
