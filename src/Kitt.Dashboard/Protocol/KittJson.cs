using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kitt.Dashboard.Protocol;

/// <summary>An outgoing message. The timestamp is UTC so it is written with a <c>Z</c>, as the original protocol does.</summary>
public sealed record KittEnvelope<T>(string Type, DateTime Timestamp, T Payload, string? CorrelationId);

/// <summary>The protocol's JSON: snake_case names, enums as words, and one way to turn a message into bytes.</summary>
public static class KittJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.Strict,
        MaxDepth = 32,
    };

    public static byte[] Encode<T>(string type, T payload, string? correlationId, DateTimeOffset at) =>
        JsonSerializer.SerializeToUtf8Bytes(new KittEnvelope<T>(type, at.UtcDateTime, payload, correlationId), Options);

    public static byte[] Error(string code, string message, string? field, string? correlationId, DateTimeOffset at) =>
        Encode(KittTypes.Error, new ErrorPayload { Code = code, Message = message, Field = field }, correlationId, at);
}
