using Kitt.Dashboard.Data;

namespace Kitt.Dashboard.Alerts;

/// <summary>
/// The provider's half of a text search: how a query finds the alerts whose words hold the typed phrases. The
/// meaning is the same on every provider (<see cref="FullText"/> makes the words and phrases); the plans differ.
/// </summary>
public interface IAlertTextSearch
{
    /// <returns>Null when the text holds no word to search for.</returns>
    Task<IAlertSearch?> PlanAsync(KittDbContext db, string? text, AlertSearchLimits limits, CancellationToken cancellationToken);
}

/// <summary>One planned search, as <see cref="AlertQueries"/> reads it.</summary>
public interface IAlertSearch
{
    /// <summary>The words match so many alerts that listing them all costs more than walking to a page.</summary>
    bool Common { get; }

    /// <summary>The alerts this search selects, read the way <paramref name="access"/> says; the caller applies the filters.</summary>
    IQueryable<Alert> Rows(KittDbContext db, AlertAccess access, AlertFilter filter);

    /// <summary>The same search, its matches followed only within the time range's alerts.</summary>
    Task<IAlertSearch> WithinAsync(KittDbContext db, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken);

    /// <summary>The same search with each phrase's last word taken whole: it matches no more alerts.</summary>
    IAlertSearch WholeWords();

    /// <summary>Whether <paramref name="other"/> selects exactly the alerts this one does.</summary>
    bool SameMatchAs(IAlertSearch other);
}
