namespace Kitt.Dashboard.Alerts;

/// <summary>
/// One stored alert: from the moment its condition fired until it resolved. The alert-manager is its only writer;
/// each state change is also kept as an <see cref="AlertChange"/> for the alert's timeline.
/// </summary>
public sealed class Alert
{
    public long Id { get; set; }

    /// <summary>Rule and source, e.g. <c>cpu:host</c> or <c>container_health:router</c>.</summary>
    public required string Key { get; set; }

    public required string Type { get; set; }

    /// <summary><c>host</c>, a container name or a component name.</summary>
    public required string Source { get; set; }

    public AlertSeverity Severity { get; set; }

    public AlertState State { get; set; }

    public required string Title { get; set; }

    public required string Message { get; set; }

    /// <summary>
    /// The words of title, message and source as <see cref="FullText.Words"/> reads them: what the full-text index
    /// holds, kept on the row so a search for a common word can test rows while it walks an index in sort order.
    /// </summary>
    public required string SearchText { get; set; }

    public double? Value { get; set; }

    public double? Threshold { get; set; }

    public DateTimeOffset FiredAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The silence that matched when the alert fired: it is stored and shown, but neither toasts nor notifies.</summary>
    public long? SilencedBy { get; set; }

    /// <summary>The firing alert that made this one a consequence (e.g. <c>source_unavailable:docker</c>), when it fired.</summary>
    public string? InhibitedBy { get; set; }

    /// <summary>The labels of the configured rule that raised it (JSON), which routes and silences match too.</summary>
    public string? Labels { get; set; }

    /// <summary>Who took the alert up; its repeat notifications stop while it is acknowledged.</summary>
    public string? AckedBy { get; set; }

    public DateTimeOffset? AckedAt { get; set; }

    public string? AckComment { get; set; }

    public List<AlertChange> Changes { get; set; } = [];
}

/// <summary>A state change of an alert, with the value that caused it.</summary>
public sealed class AlertChange
{
    public long Id { get; set; }

    public long AlertId { get; set; }

    public AlertState State { get; set; }

    public DateTimeOffset At { get; set; }

    public double? Value { get; set; }

    public required string Message { get; set; }
}
