using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.RouteNews;
using Kitt.Dashboard.Shipments;

namespace Kitt.Dashboard.Sockets;

/// <summary>What a valid message makes happen: shipments are queued for packing, road and weather news is passed on.</summary>
internal sealed class KittMessageHandler(
    KittConnections connections,
    PackingCorrelations correlations,
    ShipmentStore shipments,
    RouteNewsPublisher routes,
    TimeProvider clock)
{
    /// <returns>The error sent back, if the message could not be acted on.</returns>
    public async Task<ErrorPayload?> HandleAsync(KittConnection from, string type, IKittPayload payload, string? correlationId, CancellationToken token)
    {
        switch (payload)
        {
            case HeartbeatPayload heartbeat:
                from.Seen(heartbeat: true);
                Reply(from, KittTypes.Heartbeat, new HeartbeatPayload { Sequence = heartbeat.Sequence, Status = "alive" }, correlationId);
                return null;
            case ShipmentRequestPayload request:
                return await RequestShipmentAsync(from, request, correlationId, token);
            case RouteUpdatePayload or WeatherAlertPayload or TrafficUpdatePayload or NotificationPayload
                when Unpublishable(from, correlationId) is { } refusal:
                return refusal;
            case RouteUpdatePayload or WeatherAlertPayload or TrafficUpdatePayload:
                connections.Broadcast(KittEndpoint.Notifications, Encode(type, payload, correlationId));
                await routes.PublishAsync(SocketRouteNews.FromSocket(payload, clock.GetUtcNow())!, correlationId, token);
                return null;
            case NotificationPayload notification:
                // Marked as the client's, so it never reads as one of the dashboard's own alerts ("dashboard:…").
                notification.Source = $"client:{from.ClientId}" + (notification.Source is { Length: > 0 } said ? $" ({said})" : "");
                connections.Broadcast(KittEndpoint.Notifications, Encode(type, notification, correlationId));
                return null;
            case PackingResultPayload or DamagePredictionPayload:
                // Results of an outside packing system are shared with every packing client.
                connections.Broadcast(KittEndpoint.Packing, Encode(type, payload, correlationId));
                return null;
            default:
                return new ErrorPayload { Code = KittErrors.Internal, Message = $"type '{type}' has no handler" };
        }
    }

    /// <summary>
    /// News and notifications reach every client: only a key whose role may publish sends them (as MCP's publish_event
    /// needs Dispatcher), and never under the correlation ids of the dashboard's own alerts.
    /// </summary>
    private static ErrorPayload? Unpublishable(KittConnection from, string? correlationId)
    {
        if (!from.MayPublish)
        {
            return new ErrorPayload
            {
                Code = KittErrors.Forbidden,
                Message = $"publishing on {from.Endpoint.Path} needs an API key with the Dispatcher or Admin role",
                Field = "type",
            };
        }

        return correlationId?.StartsWith(SocketRelayIds.AlertPrefix, StringComparison.Ordinal) == true
            ? new ErrorPayload
            {
                Code = KittErrors.InvalidEnvelope,
                Message = $"correlation_id '{correlationId}' is reserved: ids starting with '{SocketRelayIds.AlertPrefix}' are the dashboard's alerts",
                Field = "correlation_id",
            }
            : null;
    }

    private async Task<ErrorPayload?> RequestShipmentAsync(KittConnection from, ShipmentRequestPayload payload, string? correlationId, CancellationToken token)
    {
        var reference = payload.Reference?.Trim() is { Length: > 0 } given
            ? given
            : $"KITT-{clock.GetUtcNow():yyyyMMdd}-{Guid.NewGuid().ToString("N")[..12]}";
        var externalId = payload.ShipmentId?.Trim() is { Length: > 0 } sent ? sent : null;
        if (!correlations.Expect(reference, correlationId, from.Id, externalId))
        {
            return new ErrorPayload { Code = KittErrors.Conflict, Message = $"payload.reference '{reference}' is already waiting for packing", Field = "payload.reference" };
        }

        CreateResult result;
        try
        {
            result = await shipments.CreateAsync(payload.ToShipmentRequest(reference), from.User, token);
        }
        catch
        {
            correlations.Forget(reference);
            throw;
        }

        if (!result.Created)
        {
            correlations.Forget(reference);
            var first = result.Errors[0];
            return new ErrorPayload
            {
                Code = result.Conflict ? KittErrors.Conflict : KittErrors.InvalidPayload,
                Message = string.Join("; ", result.Errors.Take(5).Select(e => $"{ShipmentRequestPayload.ProtocolField(e.Field)} {e.Message}")),
                Field = ShipmentRequestPayload.ProtocolField(first.Field),
            };
        }

        // The requester hears at once that its shipment is queued and under which id; the result follows.
        var id = result.Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Reply(from, KittTypes.PackingResult, new PackingResultPayload
        {
            ShipmentId = externalId ?? id,
            DashboardShipmentId = id,
            Reference = reference,
            Status = ShipmentStatus.Queued,
        }, correlationId);
        return null;
    }

    private void Reply<T>(KittConnection to, string type, T payload, string? correlationId) =>
        connections.Send(to, KittJson.Encode(type, payload, correlationId, clock.GetUtcNow()));

    private byte[] Encode(string type, IKittPayload payload, string? correlationId) =>
        KittJson.Encode<object>(type, payload, correlationId, clock.GetUtcNow());
}
