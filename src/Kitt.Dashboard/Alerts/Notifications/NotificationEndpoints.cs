using Kitt.Dashboard.Security;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>What Admins read of deliveries: each receiver's state and the latest notifications with their attempts.</summary>
public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapAlertNotifications(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/alerts/notifications", async (int? take, string? receiver, bool? waiting, NotificationLog log, CancellationToken ct) =>
            take is < 1 or > NotificationLog.MaxTake
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["take"] = [$"must be 1 to {NotificationLog.MaxTake}"] })
                : Results.Json(await log.ListAsync(receiver, waiting, take ?? 100, ct)))
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
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? RefusedAt);

/// <summary>The body of <c>GET /api/alerts/notifications</c>.</summary>
public sealed record NotificationListing(IReadOnlyList<ReceiverStatus> Receivers, IReadOnlyList<NotificationItem> Items);
