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
public sealed record SessionEvent(string SessionId, SessionChange Change, DateTimeOffset At, int OpenSessions, string User = "", string Page = "");

/// <summary>An open browser tab: who, with which roles, where, since when, and whether its link is up.</summary>
public sealed record SessionInfo(
    string Id,
    DateTimeOffset Since,
    bool Connected,
    string User = "",
    IReadOnlyList<string>? Roles = null,
    string Page = "");
