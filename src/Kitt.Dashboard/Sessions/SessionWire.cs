namespace Kitt.Dashboard.Sessions;

/// <summary>The body of <c>GET /api/sessions</c>: the open sessions, oldest first.</summary>
public sealed record SessionList(IReadOnlyList<SessionInfo> Items);

/// <summary>The body of <c>GET /api/sessions/events</c>: stored session changes, newest first.</summary>
public sealed record SessionEventList(IReadOnlyList<SessionEvent> Items);
