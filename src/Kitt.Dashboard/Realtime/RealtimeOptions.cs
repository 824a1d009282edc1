namespace Kitt.Dashboard.Realtime;

/// <summary>Feature flags under <c>Realtime:*</c>: a feature that is off does not run, and the UI says so.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    public bool ContainerStats { get; set; } = true;

    public bool SessionEvents { get; set; } = true;

    public bool SystemAlerts { get; set; } = true;

    public bool Packing { get; set; } = true;
}
