namespace Kitt.Dashboard.Data.Leases;

/// <summary>
/// Who runs a piece of work that must run on one instance at a time (the alert-manager, the outbox relay, the
/// retention), until when. The holder renews it while it works; another instance takes it over once it expired.
/// </summary>
public sealed class Lease
{
    public required string Name { get; set; }

    /// <summary>The instance and process that holds it (<see cref="InstanceIdentity.Holder"/>).</summary>
    public required string Holder { get; set; }

    public DateTimeOffset AcquiredAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
