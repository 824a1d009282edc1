using System.Globalization;
using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.RouteNews;
using Kitt.Dashboard.Shipments;

namespace Kitt.Dashboard.Sockets;

/// <summary>
/// Passes the dashboard's own events to socket clients: the outcome of a shipment requested over the socket goes to
/// packing clients (and back to the requester) with the request's correlation_id; firing alerts and route news from
/// elsewhere than the sockets (its id is its correlation_id) go to notifications clients.
/// </summary>
internal sealed class KittRelay(
    ITopicHub hub,
    KittConnections connections,
    PackingCorrelations correlations,
    ShipmentStore shipments,
    TimeProvider clock,
    ILogger<KittRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var packing = hub.Subscribe(PackingEvent.Topic, OnPackingAsync);
        using var alerts = hub.Subscribe(AlertEvent.Topic, OnAlertsAsync);
        using var routes = hub.Subscribe(RouteEvent.Topic, OnRoutesAsync);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the subscriptions end with the method.
        }
    }

    private async ValueTask OnPackingAsync(IReadOnlyList<PackingEvent> batch, CancellationToken token)
    {
        foreach (var e in batch)
        {
            if (!ShipmentStatus.IsFinished(e.Status) || !correlations.TryTake(e.Reference, out var pending))
            {
                continue;
            }

            try
            {
                await AnnounceAsync(e, pending, token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The packing result of {Reference} could not be sent to socket clients", e.Reference);
            }
        }
    }

    private async Task AnnounceAsync(PackingEvent e, PackingCorrelations.Pending pending, CancellationToken token)
    {
        var plan = long.TryParse(e.ShipmentId, CultureInfo.InvariantCulture, out var id) ? await shipments.GetPlanAsync(id, token) : null;
        var container = plan?.Container;
        var now = clock.GetUtcNow();
        var result = KittJson.Encode(KittTypes.PackingResult, new PackingResultPayload
        {
            ShipmentId = pending.ExternalId ?? e.ShipmentId,
            DashboardShipmentId = e.ShipmentId,
            Reference = e.Reference,
            Status = e.Status,
            Utilization = plan?.Utilization ?? e.Utilization,
            Placed = plan?.Placements.Count ?? 0,
            Unplaced = plan?.Unplaced.Sum(u => u.Quantity) ?? 0,
            ContainersUsed = plan?.Placements.Select(p => p.Container).Distinct().Count() ?? 0,
            Container = container is null ? null : container.ToKitt(),
            Containers = plan is { Containers.Count: > 0 } ? [.. plan.Containers.Select(ShipmentMessages.ToKitt)] : null,
            Reason = e.Reason,
        }, pending.CorrelationId, now);
        Deliver(result, pending);

        if (plan?.Risk is { } risk)
        {
            Deliver(KittJson.Encode(KittTypes.DamagePrediction, risk.ToPayload(e.ShipmentId, pending.ExternalId), pending.CorrelationId, now), pending);
        }
    }

    /// <summary>To every packing client, and to the requester unless it is one of them.</summary>
    private void Deliver(byte[] message, PackingCorrelations.Pending pending)
    {
        connections.Broadcast(KittEndpoint.Packing, message);
        if (connections.Find(pending.RequesterId) is { } requester && requester.Endpoint != KittEndpoint.Packing)
        {
            connections.Send(requester, message);
        }
    }

    private ValueTask OnRoutesAsync(IReadOnlyList<RouteEvent> batch, CancellationToken token)
    {
        foreach (var e in batch)
        {
            if (!SocketRouteNews.CameFromSocket(e))
            {
                var (type, payload) = SocketRouteNews.ToMessage(e);
                connections.Broadcast(KittEndpoint.Notifications, KittJson.Encode<object>(type, payload, e.Id, clock.GetUtcNow()));
            }
        }

        return ValueTask.CompletedTask;
    }

    private ValueTask OnAlertsAsync(IReadOnlyList<AlertEvent> batch, CancellationToken token)
    {
        foreach (var alert in batch)
        {
            // A repeat within the cooldown is history, not news: the dashboard shows no toast for it either.
            if (!alert.Firing || !alert.Notify)
            {
                continue;
            }

            connections.Broadcast(KittEndpoint.Notifications, KittJson.Encode(KittTypes.Notification, new NotificationPayload
            {
                Title = alert.Title,
                Message = alert.Message,
                Severity = alert.Severity.ToString().ToLowerInvariant(),
                Source = $"dashboard:{alert.Type}:{alert.Source}",
            }, SocketRelayIds.AlertPrefix + alert.Id.ToString(CultureInfo.InvariantCulture), clock.GetUtcNow()));
        }

        return ValueTask.CompletedTask;
    }
}
