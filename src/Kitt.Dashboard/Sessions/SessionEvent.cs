using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.Sessions;

public enum SessionChange
{
    Opened,
    Disconnected,
    Reconnected,
    Navigated,
    Closed,
}

/// <summary>A change of an operator's browser session, published on <c>sessions</c> when it happens.</summary>
public sealed record SessionEvent(string SessionId, SessionChange Change, DateTimeOffset At, int OpenSessions, string User = "", string Page = "")
{
    /// <summary>The live topic of session changes, every one.</summary>
    public static readonly Topic<SessionEvent> Topic = Realtime.Topic.Events<SessionEvent>("sessions");
}

/// <summary>
/// An open browser tab or a connected KITT WebSocket client: who, with which roles, where, since when, and whether its
/// link is up. A socket client's page is its endpoint and it carries the <c>client_id</c> it connected with.
/// <see cref="Address"/> is the client's address as the forwarded headers give it behind a known proxy.
/// </summary>
public sealed record SessionInfo(
    string Id,
    DateTimeOffset Since,
    bool Connected,
    string User = "",
    IReadOnlyList<string>? Roles = null,
    string Page = "",
    string Kind = SessionKinds.Browser,
    string? ClientId = null,
    string? Address = null);

public static class SessionKinds
{
    public const string Browser = "browser";
    public const string WebSocket = "websocket";
}
