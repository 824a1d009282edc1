using System.Globalization;
using System.Text.Json;

namespace Kitt.Dashboard.Protocol;

/// <summary>A message as received: either its typed payload, or the error to send back instead.</summary>
public sealed record KittInbound(string? Type, string? CorrelationId, IKittPayload? Payload, ErrorPayload? Error)
{
    public bool IsError => Error is not null;

    public static KittInbound Fail(string code, string message, string? field = null, string? correlationId = null, string? type = null) =>
        new(type, correlationId, null, new ErrorPayload { Code = code, Message = message, Field = field });
}

/// <summary>
/// Reads one message for one endpoint. Never throws: whatever arrives (broken UTF-8, deep nesting, wrong types,
/// missing fields) comes back as an error naming what was wrong, with the correlation id when one could be read.
/// </summary>
public static class KittParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    public static KittInbound Parse(ReadOnlyMemory<byte> utf8, KittEndpoint endpoint)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, DocumentOptions);
            return Read(document.RootElement, endpoint);
        }
        catch (JsonException ex)
        {
            return KittInbound.Fail(KittErrors.InvalidJson, "message is not valid JSON: " + FirstSentence(ex.Message));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return KittInbound.Fail(KittErrors.InvalidJson, "message cannot be read: " + FirstSentence(ex.Message));
        }
    }

    private static KittInbound Read(JsonElement root, KittEndpoint endpoint)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return KittInbound.Fail(KittErrors.InvalidEnvelope, "message must be a JSON object with type, timestamp, payload and correlation_id");
        }

        string? correlationId = null;
        if (root.TryGetProperty("correlation_id", out var correlation))
        {
            switch (correlation.ValueKind)
            {
                case JsonValueKind.String:
                    correlationId = correlation.GetString();
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    return KittInbound.Fail(KittErrors.InvalidEnvelope, "correlation_id must be a string", "correlation_id");
            }

            if (correlationId is { Length: > 128 })
            {
                return KittInbound.Fail(KittErrors.InvalidEnvelope, "correlation_id must be at most 128 characters", "correlation_id");
            }
        }

        if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String
            || typeElement.GetString() is not { Length: > 0 } type)
        {
            return KittInbound.Fail(KittErrors.InvalidEnvelope, "type is required and must be a string", "type", correlationId);
        }

        if (root.TryGetProperty("timestamp", out var timestamp) && timestamp.ValueKind != JsonValueKind.Null
            && (timestamp.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(timestamp.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _)))
        {
            return KittInbound.Fail(KittErrors.InvalidEnvelope, "timestamp must be an ISO-8601 date and time", "timestamp", correlationId, type);
        }

        if (!KittTypes.Payloads.TryGetValue(type, out var payloadType))
        {
            return KittInbound.Fail(KittErrors.UnknownType, $"unknown type '{Shorten(type)}'", "type", correlationId);
        }

        if (!endpoint.Allows(type))
        {
            return KittInbound.Fail(KittErrors.TypeNotAccepted,
                $"type '{type}' is not accepted on {endpoint.Path}; it accepts {string.Join(", ", endpoint.Accepts)}", "type", correlationId, type);
        }

        var hasPayload = root.TryGetProperty("payload", out var payloadElement) && payloadElement.ValueKind != JsonValueKind.Null;
        if (!hasPayload && type != KittTypes.Heartbeat)
        {
            return KittInbound.Fail(KittErrors.InvalidPayload, "payload is required", "payload", correlationId, type);
        }

        if (hasPayload && payloadElement.ValueKind != JsonValueKind.Object)
        {
            return KittInbound.Fail(KittErrors.InvalidPayload, "payload must be a JSON object", "payload", correlationId, type);
        }

        IKittPayload payload;
        try
        {
            payload = hasPayload
                ? (IKittPayload?)payloadElement.Deserialize(payloadType, KittJson.Options) ?? new HeartbeatPayload()
                : new HeartbeatPayload();
        }
        catch (JsonException ex)
        {
            var field = "payload" + (ex.Path is { Length: > 1 } path ? path[1..] : "");
            return KittInbound.Fail(KittErrors.InvalidPayload, $"{field} has the wrong type", field, correlationId, type);
        }

        var check = new PayloadCheck();
        payload.Validate(check);
        if (check.Errors.Count > 0)
        {
            var first = check.Errors[0];
            var message = string.Join("; ", check.Errors.Take(5).Select(e => $"{e.Field} {e.Message}"));
            return KittInbound.Fail(KittErrors.InvalidPayload, message, first.Field, correlationId, type);
        }

        return new KittInbound(type, correlationId, payload, null);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
