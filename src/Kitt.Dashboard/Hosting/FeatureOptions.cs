namespace Kitt.Dashboard.Hosting;

/// <summary>
/// What runs, under <c>Features:*</c>: a feature that is off does not run, and the UI says so. The keys of earlier
/// releases (<c>Realtime:*</c>) are still read, with a warning at start; see <see cref="RenamedKeys"/>.
/// </summary>
public sealed class FeatureOptions
{
    public const string Section = "Features";

    /// <summary>The Docker source: container stats, their history and container alerts.</summary>
    public bool ContainerStats { get; set; } = true;

    /// <summary>Live session events on the Sessions page.</summary>
    public bool SessionEvents { get; set; } = true;

    /// <summary>The alert-manager's evaluation of host, container, error-rate and packing rules.</summary>
    public bool SystemAlerts { get; set; } = true;

    /// <summary>The packing worker on this instance. Off, shipments are still accepted and wait in the queue.</summary>
    public bool PackingWorker { get; set; } = true;
}
