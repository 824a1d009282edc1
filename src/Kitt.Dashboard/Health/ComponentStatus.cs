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
public sealed record ComponentState(string Name, ComponentStatus Status, string? Reason, DateTimeOffset Since)
{
    public string Describe() => Reason is null
        ? Status.ToString().ToLowerInvariant()
        : $"{Status.ToString().ToLowerInvariant()}: {Reason}";
}
