using System.Collections.Concurrent;
using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.Sessions;

/// <summary>
/// The one writer of session state: every Blazor circuit (one per open browser tab) reports here through its
/// <see cref="SessionCircuitHandler"/>, and so does every KITT WebSocket client; each change is announced on
/// <c>sessions</c>. The count is the size of
/// the set of open circuits, so rapid connect/disconnect can't make it drift.
/// </summary>
public sealed class CircuitTracker(ITopicHub hub, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, SessionInfo> open = new(StringComparer.Ordinal);

    public int OpenSessions => open.Count;

    public int OpenCircuits => open.Values.Count(s => s.Kind == SessionKinds.Browser);

    public int ConnectedCircuits => open.Values.Count(s => s.Kind == SessionKinds.Browser && s.Connected);

    public IReadOnlyList<SessionInfo> Sessions => [.. open.Values.OrderBy(s => s.Since)];

    public void Opened(string id, string user, IReadOnlyList<string> roles, string page, string kind = SessionKinds.Browser, string? clientId = null, string? address = null)
    {
        open[id] = new SessionInfo(id, clock.GetUtcNow(), Connected: true, user, roles, page, kind, clientId, address);
        Announce(id, SessionChange.Opened);
    }

    public void ConnectionChanged(string id, bool up)
    {
        // The first "up" follows "opened" and is not news; only a change is.
        if (Update(id, s => s.Connected == up ? s : s with { Connected = up }))
        {
            Announce(id, up ? SessionChange.Reconnected : SessionChange.Disconnected);
        }
    }

    public void Navigated(string id, string page)
    {
        if (Update(id, s => s.Page == page ? s : s with { Page = page }))
        {
            Announce(id, SessionChange.Navigated);
        }
    }

    public void Closed(string id)
    {
        if (open.TryRemove(id, out var last))
        {
            Announce(id, SessionChange.Closed, last);
        }
    }

    /// <returns>Whether the session changed.</returns>
    private bool Update(string id, Func<SessionInfo, SessionInfo> change)
    {
        while (open.TryGetValue(id, out var current))
        {
            var next = change(current);
            if (ReferenceEquals(next, current))
            {
                return false;
            }

            if (open.TryUpdate(id, next, current))
            {
                return true;
            }
        }

        return false;
    }

    private void Announce(string id, SessionChange change, SessionInfo? gone = null)
    {
        var session = gone ?? (open.TryGetValue(id, out var s) ? s : null);
        hub.Publish(SessionEvent.Topic, new SessionEvent(id, change, clock.GetUtcNow(), open.Count, session?.User ?? "", session?.Page ?? ""));
    }
}
