namespace Kitt.Dashboard.Health;

/// <summary>A stored state transition of a component, so an outage can be traced after the fact.</summary>
public sealed class ComponentEvent
{
    public long Id { get; set; }

    public required string Component { get; set; }

    public required ComponentStatus Status { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset At { get; set; }
}
