namespace Kitt.Dashboard.Alerts.Silencing;

/// <summary>
/// A silence, as Alertmanager has them: alerts whose labels match every matcher between <see cref="StartsAt"/> and
/// <see cref="EndsAt"/> are stored and shown as silenced, but neither toast nor notify. Expiring one ends it now; it
/// stays listed.
/// </summary>
public sealed class Silence
{
    public long Id { get; set; }

    /// <summary>The <see cref="SilenceMatcher"/>s as JSON.</summary>
    public required string Matchers { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public required string CreatedBy { get; set; }

    public required string Comment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One matcher of a silence, in Alertmanager's API shape.</summary>
public sealed record SilenceMatcher(string Name, string Value, bool IsRegex = false, bool IsEqual = true);

/// <summary>A silence as the API and the UI show it, with its state: <c>pending</c>, <c>active</c> or <c>expired</c>.</summary>
public sealed record SilenceView(
    long Id,
    IReadOnlyList<SilenceMatcher> Matchers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string CreatedBy,
    string Comment,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string State);

/// <summary>The body of <c>POST /api/alerts/silences</c>; <see cref="StartsAt"/> left out is now.</summary>
public sealed record SilenceRequest(IReadOnlyList<SilenceMatcher>? Matchers, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Comment);

/// <summary>The body of <c>PUT /api/alerts/silences/{id}</c>: a new end (to extend or shorten it) and a new comment, each optional.</summary>
public sealed record SilenceChange(DateTimeOffset? EndsAt, string? Comment);
