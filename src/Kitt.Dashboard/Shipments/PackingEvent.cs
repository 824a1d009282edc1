using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// Progress or outcome of a packing job, published on the <c>packing</c> topic. A failed job's reason is what the
/// alert-manager's <c>packing</c> alert says. <paramref name="Origin"/> names the dashboard instance that packed it
/// when that was another one (heard through Kafka); null for this instance's own jobs.
/// </summary>
public sealed record PackingEvent(
    string ShipmentId,
    string Reference,
    string Status,
    double? Utilization,
    DateTimeOffset At,
    string? Reason = null,
    string? Origin = null)
{
    /// <summary>The live topic of packing progress, every one.</summary>
    public static readonly Topic<PackingEvent> Topic = Realtime.Topic.Events<PackingEvent>("packing");
}
