using System.ComponentModel.DataAnnotations;

namespace Kitt.Dashboard.Shipments;

/// <summary>Settings of the packing worker under <c>Packing:*</c>.</summary>
public sealed class PackingWorkerOptions
{
    public const string Section = "Packing";

    /// <summary>Jobs packed at the same time; each search uses up to two threads.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>How long the engine searches for a better plan when the first one leaves boxes out.</summary>
    [Range(0.05, 600)]
    public double SearchSeconds { get; set; } = 1;

    /// <summary>A job still running after this long is stopped and fails.</summary>
    [Range(0.1, 3600)]
    public double JobTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Seconds an instance's claim on a job lasts unless renewed (it renews every third of it while it packs): how
    /// long the other instances wait before they take up a job whose instance died.
    /// </summary>
    [Range(2, 3600)]
    public double LeaseSeconds { get; set; } = 30;

    /// <summary>A job interrupted by this many restarts fails instead of being resumed again.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// Plans computed inside a request (MCP's <c>optimize_packing</c>) at the same time: each holds a request and up
    /// to two threads, so without a bound a burst of large previews starves everything else, /health included.
    /// </summary>
    [Range(1, 64)]
    public int MaxPreviews { get; set; } = 2;

    /// <summary>How long a preview waits for a free slot before it is refused as busy.</summary>
    [Range(0, 60)]
    public double PreviewWaitSeconds { get; set; } = 2;
}
