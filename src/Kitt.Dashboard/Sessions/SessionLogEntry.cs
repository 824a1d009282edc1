namespace Kitt.Dashboard.Sessions;

/// <summary>A stored session event: the Sessions page's log survives restarts and reaches back further than a tab.</summary>
public sealed class SessionLogEntry
{
    public long Id { get; set; }

    public required string SessionId { get; set; }

    public SessionChange Change { get; set; }

    public DateTimeOffset At { get; set; }

    public string User { get; set; } = "";

    public string Page { get; set; } = "";

    public int OpenSessions { get; set; }

    public static SessionLogEntry From(SessionEvent e) => new()
    {
        SessionId = e.SessionId,
        Change = e.Change,
        At = e.At,
        User = e.User,
        Page = e.Page,
        OpenSessions = e.OpenSessions,
    };

    public SessionEvent ToEvent() => new(SessionId, Change, At, OpenSessions, User, Page);
}
