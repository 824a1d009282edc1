using System.Text;
using System.Text.Json;

namespace Kitt.Dashboard.Protocol;

/// <summary>
/// The KITT envelope, <c>{ type, timestamp, payload, correlation_id }</c>, as Kafka values carry it: the same JSON the
/// WebSocket API speaks (<see cref="KittJson"/>), read back with the payload left for its handler.
/// </summary>
public sealed record EventEnvelope(
    string Type,
    DateTimeOffset Timestamp,
    JsonElement Payload,
    string? CorrelationId = null)
{
    public static string Serialize<T>(string type, DateTimeOffset timestamp, T payload, string? correlationId = null) =>
        Encoding.UTF8.GetString(KittJson.Encode(type, payload, correlationId, timestamp));

    /// <returns>Null when the text is not an envelope.</returns>
    public static EventEnvelope? TryParse(string json)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<EventEnvelope>(json, KittJson.Options);
            return envelope is { Type.Length: > 0 } ? envelope : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public T? PayloadAs<T>() => Payload.Deserialize<T>(KittJson.Options);
}
