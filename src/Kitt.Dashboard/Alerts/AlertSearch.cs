using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts;

/// <summary>How a query reaches its rows: the choice that keeps a search fast whether its words are rare or common.</summary>
public enum AlertAccess
{
    /// <summary>SQLite's own plan: the filters' indexes, then a sort.</summary>
    Planned,

    /// <summary>Rows in the page's sort order, from that order's index, each tested until the page is full.</summary>
    SortOrder,

    /// <summary>Rows in the order of the full-text matches, each looked up and tested: for counting.</summary>
    MatchOrder,
}

/// <summary>Where a search changes its plan. Tests lower them, so every plan runs on a few alerts.</summary>
/// <param name="CommonMatches">From this many matches on, a search is common: listing them all costs more than walking to a page.</param>
/// <param name="NarrowRows">
/// Other filters selecting fewer alerts than this are narrow: their own index reaches all of them quickly, so a common
/// word is tested on each of them rather than followed match by match.
/// </param>
public sealed record AlertSearchLimits(int CommonMatches = 10_000, int NarrowRows = 20_000);

/// <summary>
/// A text search, planned by how many alerts its words match. A rare word's matches are few: the full-text index
/// lists them and only they are filtered and sorted. A common word (say, in a quarter of a million alerts) is
/// never listed whole, since listing is what costs: a page walks the sort order's index and tests each row's
/// <see cref="Alert.SearchText"/> until it is full, and a count follows the matches in index order until the cap.
/// </summary>
internal sealed class AlertSearch : IAlertSearch
{
    /// <summary>A typed word that starts at most this many stored words is searched as those words.</summary>
    private const int MaxCompletions = 16;

    private readonly bool prefix;

    /// <summary>The ids of the alerts a time filter selects lie within these: the matches are followed only there.</summary>
    private readonly (long Low, long High) ids;

    /// <summary>Per phrase, the stored words its last word starts, when they are few; null: read as a prefix.</summary>
    private readonly IReadOnlyList<IReadOnlyList<string>?> lastWords;

    private AlertSearch(IReadOnlyList<string> phrases, IReadOnlyList<IReadOnlyList<string>?> lastWords, bool common, bool prefix, (long, long) ids)
    {
        Phrases = phrases;
        Match = FullText.Match(phrases, prefix, prefix ? lastWords : null);
        Common = common;
        this.lastWords = lastWords;
        this.prefix = prefix;
        this.ids = ids;
    }

    /// <summary>What every matching alert's words contain, one phrase per typed term.</summary>
    public IReadOnlyList<string> Phrases { get; }

    /// <summary>The FTS5 query: every phrase, its last word also as a word's start (unless <see cref="WholeWords"/>).</summary>
    public string Match { get; }

    public bool Common { get; }

    /// <summary>
    /// The same search with each phrase's last word taken whole: it matches no more alerts, and FTS5 streams it,
    /// so when it alone finds more than a count's cap, the search does too and the prefixes need not be merged.
    /// </summary>
    public IAlertSearch WholeWords() => new AlertSearch(Phrases, lastWords, Common, prefix: false, ids);

    /// <summary>
    /// The same search, its matches followed only between the lowest and the highest id of the alerts fired in the
    /// time range. Alerts are stored as they fire, so that is about the range's own share of the matches; the times
    /// are still tested on each row, so a row stored out of order is never miscounted.
    /// </summary>
    public async Task<IAlertSearch> WithinAsync(KittDbContext db, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        if (from is null && to is null)
        {
            return this;
        }

        var (fromTicks, toTicks) = (from?.UtcTicks ?? long.MinValue, to?.UtcTicks ?? long.MaxValue);
        var range = await db.Database
            .SqlQuery<IdRange>($"SELECT min(\"Id\") AS \"Low\", max(\"Id\") AS \"High\" FROM alerts WHERE \"FiredAt\" >= {fromTicks} AND \"FiredAt\" <= {toTicks}")
            .SingleAsync(cancellationToken);
        return new AlertSearch(Phrases, lastWords, Common, prefix, (range.Low ?? 1, range.High ?? 0));
    }

    public bool SameMatchAs(IAlertSearch other) => other is AlertSearch search && search.Match == Match;

    /// <returns>Null when the text holds no word to search for.</returns>
    public static async Task<AlertSearch?> PlanAsync(KittDbContext db, string? text, AlertSearchLimits limits, CancellationToken cancellationToken)
    {
        var phrases = FullText.Phrases(text);
        if (phrases.Count == 0)
        {
            return null;
        }

        // FTS5 streams a word's list but merges the lists of every word a prefix starts, at the cost of all their
        // matches: a typed word that starts a few stored words is searched as those words. The whole words are
        // counted first; when they alone are common, the rest needs no count.
        var lastWords = new List<IReadOnlyList<string>?>();
        foreach (var phrase in phrases)
        {
            lastWords.Add(await CompletionsAsync(db, FullText.LastWord(phrase), cancellationToken));
        }

        var common = await CountMatchesAsync(db, FullText.Match(phrases, prefix: false), limits.CommonMatches, cancellationToken) >= limits.CommonMatches ||
                     await CountMatchesAsync(db, FullText.Match(phrases, prefix: true, lastWords), limits.CommonMatches, cancellationToken) >= limits.CommonMatches;
        return new AlertSearch(phrases, lastWords, common, prefix: true, (long.MinValue, long.MaxValue));
    }

    /// <summary>The alerts this search selects, read the way <paramref name="access"/> says; the caller applies the filters.</summary>
    public IQueryable<Alert> Rows(KittDbContext db, AlertAccess access, AlertFilter filter)
    {
        if (!Common)
        {
            return db.Alerts.FromSqlRaw("SELECT * FROM alerts WHERE Id IN (SELECT rowid FROM alerts_fts WHERE alerts_fts MATCH {0})", IndexQuery(null));
        }

        if (access == AlertAccess.MatchOrder)
        {
            // CROSS JOIN keeps the matches as the outer loop: probing the index once per alert would cost milliseconds each.
            // The facets narrow the matches in the index, so only alerts of the filtered type, severity and source are looked up.
            return db.Alerts.FromSqlRaw(
                "SELECT alerts.* FROM alerts_fts CROSS JOIN alerts ON alerts.Id = alerts_fts.rowid " +
                "WHERE alerts_fts MATCH {0} AND alerts_fts.rowid BETWEEN {1} AND {2}", IndexQuery(filter), ids.Low, ids.High);
        }

        var rows = access == AlertAccess.SortOrder ? InSortOrder(db, filter.Sort) : db.Alerts;
        foreach (var phrase in Phrases)
        {
            var needle = FullText.Needle(phrase, prefix);
            rows = rows.Where(a => a.SearchText.Contains(needle));
        }

        return rows;
    }

    /// <summary>
    /// The FTS5 query: the words in the words' column and, given a filter, its type, severities and source among the
    /// facets. The filters are still applied to the rows; the facets only keep the others from being looked up.
    /// </summary>
    private string IndexQuery(AlertFilter? filter)
    {
        var facets = new List<string>();
        if (filter?.Type is { } type)
        {
            facets.Add($"\"{FullText.Facet('t', type)}\"");
        }

        if (filter?.Source is { } source)
        {
            facets.Add($"\"{FullText.Facet('s', source)}\"");
        }

        if (filter?.Severities is { Count: > 0 } severities)
        {
            facets.Add("(" + string.Join(" OR ", severities.Select(v => $"\"{FullText.Facet(v)}\"")) + ")");
        }

        return facets.Count == 0 ? InWords(Match) : $"{InWords(Match)} AND Facets : ({string.Join(" AND ", facets)})";
    }

    /// <summary>The query in the words' column only: a typed word never matches a facet.</summary>
    private static string InWords(string match) => $"SearchText : ({match})";

    /// <summary>All alerts, read along the index of the sort order, so a page ends as soon as it is full.</summary>
    private static IQueryable<Alert> InSortOrder(KittDbContext db, AlertSort sort) =>
#pragma warning disable EF1003 // an index name from a closed list
        db.Alerts.FromSqlRaw("SELECT * FROM alerts INDEXED BY " + SortIndex(sort));
#pragma warning restore EF1003

    private static string SortIndex(AlertSort sort) => sort switch
    {
        AlertSort.Severity => "IX_alerts_Severity_FiredAt",
        AlertSort.Source => "IX_alerts_Source_FiredAt",
        AlertSort.Type => "IX_alerts_Type_FiredAt",
        _ => "IX_alerts_FiredAt",
    };

    /// <returns>The stored words <paramref name="word"/> starts, or null when there are none or too many to list.</returns>
    private static async Task<IReadOnlyList<string>?> CompletionsAsync(KittDbContext db, string word, CancellationToken cancellationToken)
    {
        if (word.EnumerateRunes().Count() < AlertsFullText.ListedWordLength || FullText.PrefixEnd(word) is not { } end)
        {
            return null; // a short word is read off its prefix index
        }

        var words = await db.Database
            .SqlQuery<string>($"SELECT Word AS Value FROM alert_words WHERE Word >= {word} AND Word < {end} ORDER BY Word LIMIT {MaxCompletions + 1}")
            .ToListAsync(cancellationToken);
        return words.Count is > 0 and <= MaxCompletions ? words : null;
    }

    private static Task<int> CountMatchesAsync(KittDbContext db, string match, int limit, CancellationToken cancellationToken) =>
        db.Database
            .SqlQuery<int>($"SELECT count(*) AS Value FROM (SELECT 1 FROM alerts_fts WHERE alerts_fts MATCH {InWords(match)} LIMIT {limit})")
            .SingleAsync(cancellationToken);

    private sealed record IdRange(long? Low, long? High);
}

/// <summary>SQLite's plans: FTS5 over the stored words, a common word walked along the sort order's index.</summary>
internal sealed class SqliteAlertTextSearch : IAlertTextSearch
{
    public async Task<IAlertSearch?> PlanAsync(KittDbContext db, string? text, AlertSearchLimits limits, CancellationToken cancellationToken) =>
        await AlertSearch.PlanAsync(db, text, limits, cancellationToken);
}
