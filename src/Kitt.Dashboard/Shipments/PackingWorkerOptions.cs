namespace Kitt.Dashboard.Shipments;

/// <summary>Settings of the packing worker under <c>Packing:*</c>.</summary>
public sealed class PackingWorkerOptions
{
    public const string Section = "Packing";

    /// <summary>Jobs packed at the same time; each search uses up to two threads.</summary>
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>How long the engine searches for a better plan when the first one leaves boxes out.</summary>
    public double SearchSeconds { get; set; } = 1;

    /// <summary>A job still running after this long is stopped and fails.</summary>
    public double JobTimeoutSeconds { get; set; } = 30;

    /// <summary>A job interrupted by this many restarts fails instead of being resumed again.</summary>
    public int MaxAttempts { get; set; } = 3;
}
