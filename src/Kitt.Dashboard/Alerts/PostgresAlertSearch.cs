using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts;

/// <summary>
/// PostgreSQL's plan: the row test itself (the stored words contain each phrase's needle, as <see cref="FullText.Needle"/>
/// spells it), served by a trigram index over the words (<see cref="PostgresAlertsModel"/>). The meaning is the row
/// test's by construction, so it cannot drift from SQLite's; PostgreSQL's planner chooses between the trigram index
/// (rare words) and the sort order's index with the test on each row (common words), which SQLite needs told.
/// </summary>
internal sealed class PostgresAlertSearch(IReadOnlyList<string> phrases, bool prefix) : IAlertSearch
{
    private bool Prefix => prefix;

    public bool Common => false;

    public IQueryable<Alert> Rows(KittDbContext db, AlertAccess access, AlertFilter filter)
    {
        var rows = db.Alerts.AsQueryable();
        foreach (var phrase in phrases)
        {
            // Each phrase is tested twice, cheap first. LIKE '%phrase%' is what the trigram index serves, and it
            // passes every row the needle is in; strpos then tests the needle itself. PostgreSQL runs LIKE before
            // strpos, and LIKE is slow at a pattern starting with a space (it tries every space in the words): on the
            // 78,000 alerts of a week, both words of "ledger planner" took 43 ms as LIKE '% word%', 19 ms this way.
            // Words hold only letters, digits and single spaces: nothing a LIKE pattern would read as a wildcard.
            var pattern = "%" + phrase + "%";
            var needle = FullText.Needle(phrase, prefix);
            rows = rows.Where(a => EF.Functions.Like(a.SearchText, pattern) && a.SearchText.IndexOf(needle) >= 0);
        }

        return rows;
    }

    public Task<IAlertSearch> WithinAsync(KittDbContext db, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken) =>
        Task.FromResult<IAlertSearch>(this);

    public IAlertSearch WholeWords() => new PostgresAlertSearch(phrases, prefix: false);

    public bool SameMatchAs(IAlertSearch other) => other is PostgresAlertSearch search && search.Prefix == prefix;
}

/// <summary>Plans every text search on PostgreSQL as <see cref="PostgresAlertSearch"/>.</summary>
internal sealed class PostgresAlertTextSearch : IAlertTextSearch
{
    public Task<IAlertSearch?> PlanAsync(KittDbContext db, string? text, AlertSearchLimits limits, CancellationToken cancellationToken) =>
        Task.FromResult<IAlertSearch?>(FullText.Phrases(text) is { Count: > 0 } phrases ? new PostgresAlertSearch(phrases, prefix: true) : null);
}
