using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kitt.Dashboard.Events;

/// <summary>The KITT envelope, <c>{ type, timestamp, payload, correlation_id }</c> in snake_case, as Kafka values carry it.</summary>
public sealed record EventEnvelope(
    string Type,
    DateTimeOffset Timestamp,
    JsonElement Payload,
    string? CorrelationId = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(string type, DateTimeOffset timestamp, T payload, string? correlationId = null) =>
        JsonSerializer.Serialize(new EventEnvelope(type, timestamp, JsonSerializer.SerializeToElement(payload, Json), correlationId), Json);

    /// <returns>Null when the text is not an envelope.</returns>
    public static EventEnvelope? TryParse(string json)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<EventEnvelope>(json, Json);
            return envelope is { Type.Length: > 0 } ? envelope : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public T? PayloadAs<T>() => Payload.Deserialize<T>(Json);
}
