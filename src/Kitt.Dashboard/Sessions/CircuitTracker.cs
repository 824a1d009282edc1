using System.Collections.Concurrent;
using Kitt.Dashboard.Realtime;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Kitt.Dashboard.Sessions;

/// <summary>
/// Follows every Blazor circuit (one per open browser tab) and announces each change on <c>sessions</c>.
/// The count comes from the set of open circuits, so rapid connect/disconnect can't make it drift.
/// </summary>
public sealed class CircuitTracker(ITopicHub hub, TimeProvider clock) : CircuitHandler
{
    private readonly ConcurrentDictionary<string, SessionInfo> open = new(StringComparer.Ordinal);

    public int OpenCircuits => open.Count;

    public int ConnectedCircuits => open.Values.Count(s => s.Connected);

    public IReadOnlyList<SessionInfo> Sessions => [.. open.Values.OrderBy(s => s.Since)];

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        open[circuit.Id] = new SessionInfo(circuit.Id, clock.GetUtcNow(), Connected: true);
        Announce(circuit.Id, SessionChange.Opened);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        SetConnected(circuit.Id, false);
        Announce(circuit.Id, SessionChange.Disconnected);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // The first "up" follows "opened" and is not news; only a return after a drop is.
        if (SetConnected(circuit.Id, true))
        {
            Announce(circuit.Id, SessionChange.Reconnected);
        }

        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (open.TryRemove(circuit.Id, out _))
        {
            Announce(circuit.Id, SessionChange.Closed);
        }

        return Task.CompletedTask;
    }

    /// <returns>Whether the state changed.</returns>
    private bool SetConnected(string id, bool connected)
    {
        while (open.TryGetValue(id, out var current))
        {
            if (current.Connected == connected)
            {
                return false;
            }

            if (open.TryUpdate(id, current with { Connected = connected }, current))
            {
                return true;
            }
        }

        return false;
    }

    private void Announce(string id, SessionChange change) =>
        hub.Publish(Topics.Sessions, new SessionEvent(id, change, clock.GetUtcNow(), open.Count));
}

public sealed record SessionInfo(string Id, DateTimeOffset Since, bool Connected);
