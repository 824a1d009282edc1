using System.Text;
using System.Text.Json;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.RouteNews;
using Kitt.Dashboard.Shipments;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Events;

/// <summary>How one message consumed from Kafka is handled, and whether it was.</summary>
public enum InboundOutcome
{
    Handled,

    /// <summary>Handled before (same event id): redelivered after a restart or a rebalance.</summary>
    Duplicate,

    /// <summary>This instance produced it and handled it when it happened.</summary>
    OwnEvent,

    /// <summary>Not a valid KITT event; logged with the reason and skipped so it cannot block the partition.</summary>
    Rejected,

    /// <summary>Another instance's alert or packing result from before this instance listened: news no longer.</summary>
    Stale,
}

/// <summary>
/// Handles events consumed from Kafka: shipment requests from freight systems go to the packing queue; alerts,
/// packing results and route news of other dashboard instances reach this instance's users; route news also
/// becomes alerts. Each event id is handled once (the inbox table remembers it), so redelivery is harmless.
/// </summary>
public sealed class InboundEvents(
    IDbContextFactory<KittDbContext> dbFactory,
    ShipmentStore shipments,
    ITopicHub hub,
    TimeProvider clock,
    ILogger<InboundEvents> logger)
{
    /// <summary>
    /// A new instance reads the fan-out topics from their start, so no route news is missed; alerts and packing
    /// results older than this are history, not toasts.
    /// </summary>
    public static readonly TimeSpan LiveFor = TimeSpan.FromMinutes(5);

    public async Task<InboundOutcome> HandleAsync(
        string topic, string? eventId, string? origin, string ownInstance, string? key, string value, CancellationToken cancellationToken)
    {
        if (origin == ownInstance)
        {
            return InboundOutcome.OwnEvent;
        }

        var inboxKey = eventId is null ? null : InboxKey(topic, eventId, ownInstance);
        if (inboxKey is not null && await SeenAsync(inboxKey, cancellationToken))
        {
            return InboundOutcome.Duplicate;
        }

        var envelope = EventEnvelope.TryParse(value);
        if (envelope is not null && topic is (EventTopics.OpsAlerts or EventTopics.PackingResults) && clock.GetUtcNow() - envelope.Timestamp > LiveFor)
        {
            return InboundOutcome.Stale;
        }

        var problem = envelope is null ? "the value is not a KITT envelope { type, timestamp, payload, correlation_id }" : null;
        try
        {
            problem ??= topic switch
            {
                // A dashboard announces the requests it took itself; they are already in its queue.
                EventTopics.ShipmentRequests when origin is not null => null,
                EventTopics.ShipmentRequests => await RequestShipmentAsync(value, key, cancellationToken),
                EventTopics.OpsAlerts => Announce(AlertEvent.Topic, envelope!.PayloadAs<AlertEvent>(), "payload is not an alert"),
                EventTopics.PackingResults => PackingResult(envelope!, origin),
                EventTopics.RouteUpdates or EventTopics.WeatherAlerts => Announce(RouteEvent.Topic, RouteConditionBoard(envelope!, eventId, topic), "payload.route is required"),
                _ => null,
            };
        }
        catch (JsonException ex)
        {
            problem = $"payload does not fit {envelope?.Type}: {ex.Message}";
        }

        if (problem is not null)
        {
            logger.LogWarning("Skipped event {EventId} on {Topic}: {Problem}", eventId ?? "(no id)", topic, problem);
        }

        if (inboxKey is not null)
        {
            await RememberAsync(inboxKey, topic, cancellationToken);
        }

        return problem is null ? InboundOutcome.Handled : InboundOutcome.Rejected;
    }

    /// <summary>A freight system's request, read and checked as the WebSocket API reads one, so both speak one protocol.</summary>
    private async Task<string?> RequestShipmentAsync(string value, string? key, CancellationToken cancellationToken)
    {
        var parsed = KittParser.Parse(Encoding.UTF8.GetBytes(value), KittEndpoint.Freight);
        if (parsed.Error is { } error)
        {
            return $"{error.Field ?? error.Code}: {error.Message}";
        }

        if (parsed.Payload is not ShipmentRequestPayload request)
        {
            return $"a {parsed.Type} is not a shipment_request";
        }

        var result = await shipments.CreateAsync(request.ToShipmentRequest("KAFKA-" + (key ?? Guid.NewGuid().ToString("N")[..12])), "kafka", cancellationToken);
        if (result.Created || result.Conflict)
        {
            return null; // a conflict is the same reference taken before: the request is already queued
        }

        return "shipment request refused: " + string.Join("; ", result.Errors.Select(e => $"{ShipmentRequestPayload.ProtocolField(e.Field)} {e.Message}"));
    }

    private string? PackingResult(EventEnvelope envelope, string? origin)
    {
        if (envelope.PayloadAs<PackingResultPayload>() is not { ShipmentId.Length: > 0, Status.Length: > 0 } result)
        {
            return "payload.shipment_id and payload.status are required";
        }

        // The dashboard's own id, when the result carries the requester's id in shipment_id.
        hub.Publish(PackingEvent.Topic, new PackingEvent(
            result.DashboardShipmentId ?? result.ShipmentId, result.Reference ?? "", result.Status, result.Utilization, envelope.Timestamp, result.Reason, origin ?? "kafka"));
        return null;
    }

    private RouteEvent? RouteConditionBoard(EventEnvelope envelope, string? eventId, string topic)
    {
        var news = envelope.PayloadAs<RouteEvent>();
        if (news is not { Route.Length: > 0 })
        {
            return null;
        }

        var kind = envelope.Type switch
        {
            "weather_alert" => RouteEventKind.WeatherAlert,
            "traffic_update" => RouteEventKind.TrafficUpdate,
            _ when topic == EventTopics.WeatherAlerts => RouteEventKind.WeatherAlert,
            _ => RouteEventKind.RouteUpdate,
        };
        return news with
        {
            // A new id here: the sender's id may mark news this instance's own sockets must not hear twice, but to
            // this instance's sockets it is news from elsewhere.
            Id = eventId ?? Guid.NewGuid().ToString("N"),
            Kind = kind,
            Severity = RouteEvent.Severities.Contains(news.Severity) ? news.Severity : "info",
            Message = news.Message ?? "",
            At = news.At == default ? clock.GetUtcNow() : news.At,
        };
    }

    private string? Announce<T>(Topic<T> topic, T? value, string problem)
    {
        if (value is null)
        {
            return problem;
        }

        hub.Publish(topic, value);
        return null;
    }

    /// <summary>
    /// What the inbox remembers an event by. A shipment request is handled once by the whole platform (the shared
    /// work group), so by its id; the fan-out topics are heard by every instance in a group of its own, and instances
    /// that share a store share the inbox too, so there the id counts per instance. Ids too long for the column (a
    /// producer's own) and the per-instance keys are kept as their SHA-256, which fits it exactly.
    /// </summary>
    internal static string InboxKey(string topic, string eventId, string ownInstance) =>
        topic == EventTopics.ShipmentRequests && eventId.Length <= MaxInboxKey
            ? eventId
            : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(
                topic == EventTopics.ShipmentRequests ? eventId : ownInstance + "\n" + eventId)));

    /// <summary>The inbox's key column's length (<see cref="OutboxModel"/>).</summary>
    private const int MaxInboxKey = 64;

    private async Task<bool> SeenAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Inbox.AnyAsync(e => e.EventId == eventId, cancellationToken);
    }

    private async Task RememberAsync(string eventId, string topic, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Inbox.Add(new InboxEvent { EventId = eventId, Topic = topic, HandledAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsDuplicate(ex))
        {
            // Remembered already by a concurrent delivery.
        }
    }
}
