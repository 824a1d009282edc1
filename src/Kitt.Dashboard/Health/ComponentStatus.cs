namespace Kitt.Dashboard.Health;

/// <summary>The visible state every long-running part of the dashboard reports.</summary>
public enum ComponentStatus
{
    Starting,
    Running,
    Degraded,
    Unavailable,
    Disabled,
}

/// <param name="Reason">Why the component is not simply running, in words an operator can act on.</param>
public sealed record ComponentState(string Name, ComponentStatus Status, string? Reason, DateTimeOffset Since);

public static class ComponentStatusNames
{
    /// <summary>The status as <c>/health</c> and the REST API spell it (<c>running</c>, <c>unavailable</c>, …).</summary>
    public static string WireName(this ComponentStatus status) => status.ToString().ToLowerInvariant();
}
