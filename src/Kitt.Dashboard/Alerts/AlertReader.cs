namespace Kitt.Dashboard.Alerts;

/// <summary>An alert one user has read.</summary>
public sealed class AlertRead
{
    public required string UserId { get; set; }

    public long AlertId { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>
/// One user's view of the alerts: what the sidebar was cleared up to (the alerts stay in the history for
/// analysts), whether info and warning toasts are muted, and whether critical ones sound.
/// </summary>
public sealed class AlertReader
{
    public required string UserId { get; set; }

    /// <summary>Alerts fired up to this moment are out of this user's sidebar and unread count.</summary>
    public DateTimeOffset? ClearedUpTo { get; set; }

    /// <summary>Everything fired up to this moment counts as read ("mark all read").</summary>
    public DateTimeOffset? ReadUpTo { get; set; }

    public bool MuteInfoAndWarning { get; set; }

    /// <summary>Whether this user's browser plays a sound when a critical alert fires: for whoever looks away from the screen.</summary>
    public bool SoundForCritical { get; set; }
}
