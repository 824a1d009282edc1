namespace Kitt.Dashboard.Protocol;

/// <summary>
/// A message's payload as read from JSON. Every property is nullable so that a missing field is told apart from a
/// zero and reported by name instead of as a serializer error.
/// </summary>
public interface IKittPayload
{
    void Validate(PayloadCheck check);
}

/// <summary>The words the protocol allows for levels; shared by the payloads that carry one.</summary>
public static class KittLevels
{
    public static readonly string[] Severities = ["info", "warning", "error", "critical"];

    public static readonly string[] Congestion = ["low", "moderate", "heavy", "standstill"];

    public static readonly string[] RouteStatuses = ["on_schedule", "delayed", "rerouted", "blocked", "completed"];
}
