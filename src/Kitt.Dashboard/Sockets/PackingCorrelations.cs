using System.Collections.Concurrent;

namespace Kitt.Dashboard.Sockets;

/// <summary>
/// Shipments requested over the socket whose packing result is still due, by reference. Keyed by reference, not id,
/// so the expectation exists before the shipment is stored and a fast packing job cannot finish before it.
/// </summary>
internal sealed class PackingCorrelations
{
    /// <param name="ExternalId">The requester's own id of the shipment, which every result carries back.</param>
    public sealed record Pending(string? CorrelationId, string RequesterId, string? ExternalId);

    private readonly ConcurrentDictionary<string, Pending> pending = new(StringComparer.Ordinal);

    public int Count => pending.Count;

    public bool Expect(string reference, string? correlationId, string requesterId, string? externalId) =>
        pending.TryAdd(reference, new Pending(correlationId, requesterId, externalId));

    public void Forget(string reference) => pending.TryRemove(reference, out _);

    public bool TryTake(string reference, out Pending found) => pending.TryRemove(reference, out found!);
}
