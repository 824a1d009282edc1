using System.Collections.Concurrent;

namespace Kitt.Dashboard.Sockets;

/// <summary>
/// Shipments requested over the socket whose packing result is still due, by reference. Keyed by reference, not id,
/// so the expectation exists before the shipment is stored and a fast packing job cannot finish before it.
/// </summary>
internal sealed class PackingCorrelations
{
    public sealed record Pending(string? CorrelationId, string RequesterId);

    private readonly ConcurrentDictionary<string, Pending> pending = new(StringComparer.Ordinal);

    public int Count => pending.Count;

    public bool Expect(string reference, string? correlationId, string requesterId) =>
        pending.TryAdd(reference, new Pending(correlationId, requesterId));

    public void Forget(string reference) => pending.TryRemove(reference, out _);

    public bool TryTake(string reference, out Pending found) => pending.TryRemove(reference, out found!);
}
