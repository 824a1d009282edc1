namespace Kitt.Dashboard.Alerts;

/// <summary>One alert as the API and the tools list it: severity and state in lower case, read as the caller has it.</summary>
public sealed record AlertItem(
    long Id,
    string Key,
    string Type,
    string Source,
    string Severity,
    string State,
    string Title,
    string Message,
    double? Value,
    double? Threshold,
    DateTimeOffset FiredAt,
    DateTimeOffset? ResolvedAt,
    bool Read,
    long? SilencedBy = null,
    string? InhibitedBy = null,
    string? AckedBy = null,
    DateTimeOffset? AckedAt = null,
    string? AckComment = null);

/// <summary>The body of <c>GET /api/alerts</c>: one page of the filtered alerts and how many the filter selects.</summary>
public sealed record AlertListing(int Total, bool TotalCapped, IReadOnlyList<AlertItem> Items);

/// <summary>The body of <c>GET /api/alerts/thresholds</c>: the thresholds in force and their changes, newest first.</summary>
public sealed record ThresholdsWithChanges(AlertThresholdValues Current, IReadOnlyList<ThresholdChange> Changes);

/// <summary>The body of <c>GET /api/alerts/{id}/timeline</c>: the alert's state changes, oldest first.</summary>
public sealed record AlertTimeline(IReadOnlyList<AlertChange> Items);
