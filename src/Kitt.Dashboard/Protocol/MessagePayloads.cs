namespace Kitt.Dashboard.Protocol;

/// <summary><c>notification</c>: something a person should read; the dashboard's own alerts arrive as these.</summary>
public sealed class NotificationPayload : IKittPayload
{
    public string? Title { get; set; }

    public string? Message { get; set; }

    public string? Severity { get; set; }

    public string? Source { get; set; }

    public void Validate(PayloadCheck check)
    {
        check.Required(Title, "title");
        check.Required(Message, "message", 4096);
        check.OneOf(Severity, "severity", KittLevels.Severities);
        check.Optional(Source, "source", 256);
    }
}

/// <summary>
/// <c>error</c>: what was wrong with a message. <see cref="Field"/> names the offending field when there is one
/// (<c>payload.items[2].width</c>); <see cref="Code"/> is stable for programs, <see cref="Message"/> for people.
/// </summary>
public sealed class ErrorPayload : IKittPayload
{
    public string? Code { get; set; }

    public string? Message { get; set; }

    public string? Field { get; set; }

    public void Validate(PayloadCheck check)
    {
        check.Required(Code, "code", 64);
        check.Required(Message, "message", 4096);
        check.Optional(Field, "field", 256);
    }
}

/// <summary><c>heartbeat</c>: proof of life both ways; the payload may be left out.</summary>
public sealed class HeartbeatPayload : IKittPayload
{
    public long? Sequence { get; set; }

    public string? Status { get; set; }

    public void Validate(PayloadCheck check) => check.Optional(Status, "status", 64);
}

/// <summary>The error codes the server sends.</summary>
public static class KittErrors
{
    public const string InvalidJson = "invalid_json";
    public const string InvalidEnvelope = "invalid_envelope";
    public const string UnknownType = "unknown_type";
    public const string TypeNotAccepted = "type_not_accepted";
    public const string InvalidPayload = "invalid_payload";
    public const string MessageTooLarge = "message_too_large";
    public const string Conflict = "conflict";
    public const string Forbidden = "forbidden";
    public const string RateLimited = "rate_limited";
    public const string SendQueueFull = "send_queue_full";
    public const string Internal = "internal";
}
