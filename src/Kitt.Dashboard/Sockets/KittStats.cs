using System.Text.Json.Serialization;

namespace Kitt.Dashboard.Sockets;

/// <summary>
/// The WebSocket API's part of <c>/stats</c>, under <c>kitt</c>. Its keys are snake_case as in the original protocol,
/// unlike the rest of /stats, so existing clients of that protocol read them unchanged.
/// </summary>
public sealed record KittStats(
    [property: JsonPropertyName("total_connections")] int TotalConnections,
    [property: JsonPropertyName("connections_by_endpoint")] IReadOnlyDictionary<string, int> ConnectionsByEndpoint,
    [property: JsonPropertyName("connection_details")] IReadOnlyList<KittConnectionDetail> ConnectionDetails,
    [property: JsonPropertyName("send_queue_capacity")] int SendQueueCapacity,
    [property: JsonPropertyName("queued_messages")] int QueuedMessages,
    [property: JsonPropertyName("messages_received")] long MessagesReceived,
    [property: JsonPropertyName("messages_sent")] long MessagesSent,
    [property: JsonPropertyName("errors_sent")] long ErrorsSent,
    [property: JsonPropertyName("dropped_slow_clients")] long DroppedSlowClients,
    [property: JsonPropertyName("closed_silent")] long ClosedSilent,
    [property: JsonPropertyName("closed_abusive")] long ClosedAbusive,
    [property: JsonPropertyName("replaced")] long Replaced);

public sealed record KittConnectionDetail(
    [property: JsonPropertyName("endpoint")] string Endpoint,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("connected_at")] DateTimeOffset ConnectedAt,
    [property: JsonPropertyName("last_heartbeat")] DateTimeOffset LastHeartbeat,
    [property: JsonPropertyName("queued")] int Queued);
