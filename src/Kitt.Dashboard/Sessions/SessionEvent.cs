namespace Kitt.Dashboard.Sessions;

public enum SessionChange
{
    Opened,
    Disconnected,
    Reconnected,
    Closed,
}

/// <summary>A change of an operator's browser session, published on <c>sessions</c> when it happens.</summary>
public sealed record SessionEvent(string SessionId, SessionChange Change, DateTimeOffset At, int OpenSessions);
