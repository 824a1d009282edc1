using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts;

/// <summary>One row of an alert list, with whether the asking user has read it.</summary>
public sealed record AlertRow(
    long Id,
    string Key,
    string Type,
    string Source,
    AlertSeverity Severity,
    AlertState State,
    string Title,
    string Message,
    double? Value,
    double? Threshold,
    DateTimeOffset FiredAt,
    DateTimeOffset? ResolvedAt,
    bool Read,
    AlertHandling? Handling = null)
{
    public bool Silenced => Handling?.SilencedBy is not null;

    public bool Inhibited => Handling?.InhibitedBy is not null;

    public bool Acknowledged => Handling?.AckedBy is not null;
}

/// <summary>How people and rules took an alert up: the silence or inhibiting alert that muted it, and who acknowledged it.</summary>
public sealed record AlertHandling(long? SilencedBy, string? InhibitedBy, string? AckedBy, DateTimeOffset? AckedAt, string? AckComment);

/// <param name="Total">How many alerts the filter selects; when <paramref name="TotalCapped"/>, at least this many.</param>
public sealed record AlertPage(int Total, IReadOnlyList<AlertRow> Items, bool TotalCapped = false);

/// <summary>
/// Reads alerts for the history page, the sidebar and the API: server-side filters on indexed columns, text
/// search planned per query by the provider's <see cref="IAlertTextSearch"/> (<see cref="AlertStorage"/>), per-user read state. Writes only what a reader owns
/// (read marks, clear, mute); alert state itself belongs to the alert-manager.
/// </summary>
public sealed class AlertQueries(
    IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock, AlertStorage storage, AlertSearchLimits? searchLimits = null)
{
    private readonly AlertSearchLimits limits = searchLimits ?? new AlertSearchLimits();

    /// <summary>The badge counts up to this many; beyond it shows "99+" and the count stays cheap.</summary>
    public const int BadgeCap = 100;

    /// <summary>
    /// Text and unread filters are counted up to this many: an exact count of a common word or of everything
    /// unread walks hundreds of thousands of rows, while a capped one stops early. The page says "5,000+".
    /// </summary>
    public const int CountCap = 5_000;

    public async Task<AlertPage> PageAsync(AlertFilter filter, string readerId, bool forSidebar = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await ReaderAsync(db, readerId, cancellationToken);
        var (search, broad) = await PlanAsync(db, filter, readerId, reader, forSidebar, cancellationToken);
        var capped = search is not null || filter.Unread is not null;
        var (counted, counting) = await CountingAsync(db, filter, search, broad, cancellationToken);
        var total = Everything(filter, reader, forSidebar)
            ? await storage.CountAllAsync(db, cancellationToken)
            : await TotalAsync(s => Filtered(db, filter, readerId, reader, forSidebar, s, counting), counted, capped, cancellationToken);
        var paged = Filtered(db, filter, readerId, reader, forSidebar, search, PageAccess(filter, broad));
        var items = await Rows(db, Sorted(paged, filter).Skip(filter.Skip).Take(filter.Take), readerId, reader).ToListAsync(cancellationToken);
        return total > CountCap && capped ? new AlertPage(CountCap, items, TotalCapped: true) : new AlertPage(total, items);
    }

    /// <summary>
    /// Counts of the filtered alerts per time bucket and severity, and per type, over the filter's time range
    /// (or from the oldest match to now), in about <paramref name="buckets"/> buckets of whole minutes.
    /// </summary>
    public async Task<AlertCounts> CountsAsync(AlertFilter filter, string readerId, int buckets = 48, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await ReaderAsync(db, readerId, cancellationToken);
        var (search, broad) = await PlanAsync(db, filter, readerId, reader, forSidebar: false, cancellationToken);
        var (counted, counting) = await CountingAsync(db, filter, search, broad, cancellationToken);
        var query = Filtered(db, filter, readerId, reader, forSidebar: false, counted, counting);
        var to = filter.To ?? clock.GetUtcNow();
        var from = filter.From ?? await query.OrderBy(a => a.FiredAt).Select(a => (DateTimeOffset?)a.FiredAt).FirstOrDefaultAsync(cancellationToken) ?? to;
        if (filter.From is null && to - from < AlertCounts.MinimumRange)
        {
            from = to - AlertCounts.MinimumRange; // a few recent alerts still read as bars in time, not one block
        }

        var size = AlertCounts.SizeFor(from, to, buckets);
        var origin = from.UtcTicks - from.UtcTicks % size.Ticks;
        var groups = await query
            .GroupBy(a => new { Bucket = (StoreFunctions.Ticks(a.FiredAt) - origin) / size.Ticks, a.Severity, a.Type })
            .Select(g => new { g.Key.Bucket, g.Key.Severity, g.Key.Type, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return AlertCounts.Create(new DateTimeOffset(origin, TimeSpan.Zero), size, to, groups.Select(g => (g.Bucket, g.Severity, g.Type, g.Count)));
    }

    /// <summary>Every alert the filter selects, in its order, read lazily for a streamed export.</summary>
    public async IAsyncEnumerable<AlertRow> StreamAsync(AlertFilter filter, string userId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await ReaderAsync(db, userId, cancellationToken);
        var (search, broad) = await PlanAsync(db, filter, userId, reader, forSidebar: false, cancellationToken);
        var rows = Rows(db, Sorted(Filtered(db, filter, userId, reader, forSidebar: false, search, PageAccess(filter, broad)), filter), userId, reader);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public async Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await ReaderAsync(db, userId, cancellationToken);
        return await Filtered(db, AlertFilter.All with { Unread = true }, userId, reader, forSidebar: true, search: null, AlertAccess.Planned)
            .Take(BadgeCap).CountAsync(cancellationToken);
    }

    /// <returns>Null when there is no such alert.</returns>
    public async Task<IReadOnlyList<AlertChange>?> TimelineAsync(long alertId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Alerts.AnyAsync(a => a.Id == alertId, cancellationToken))
        {
            return null;
        }

        return await db.AlertChanges.AsNoTracking().Where(c => c.AlertId == alertId).OrderBy(c => c.At).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    /// <returns>False when there is no such alert.</returns>
    public async Task<bool> MarkReadAsync(long alertId, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Alerts.AnyAsync(a => a.Id == alertId, cancellationToken))
        {
            return false;
        }

        if (!await db.AlertReads.AnyAsync(r => r.UserId == userId && r.AlertId == alertId, cancellationToken))
        {
            db.AlertReads.Add(new AlertRead { UserId = userId, AlertId = alertId, At = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    public Task MarkAllReadAsync(string userId, CancellationToken cancellationToken = default) =>
        UpdateReaderAsync(userId, r => r.ReadUpTo = clock.GetUtcNow(), cancellationToken);

    /// <summary>Empties this user's sidebar; the alerts stay in the history for everyone.</summary>
    public Task ClearAsync(string userId, CancellationToken cancellationToken = default) =>
        UpdateReaderAsync(userId, r => r.ClearedUpTo = r.ReadUpTo = clock.GetUtcNow(), cancellationToken);

    public Task SetMutedAsync(string userId, bool muted, CancellationToken cancellationToken = default) =>
        UpdateReaderAsync(userId, r => r.MuteInfoAndWarning = muted, cancellationToken);

    public async Task<bool> IsMutedAsync(string userId, CancellationToken cancellationToken = default) =>
        (await ToastSettingsAsync(userId, cancellationToken)).Muted;

    public Task SetSoundAsync(string userId, bool sound, CancellationToken cancellationToken = default) =>
        UpdateReaderAsync(userId, r => r.SoundForCritical = sound, cancellationToken);

    /// <summary>How a user's toasts behave: info and warning muted, and a sound for critical alerts.</summary>
    public async Task<(bool Muted, bool Sound)> ToastSettingsAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await ReaderAsync(db, userId, cancellationToken);
        return (reader?.MuteInfoAndWarning ?? false, reader?.SoundForCritical ?? false);
    }

    /// <summary>
    /// The query's text search, and whether a common word meets broad other filters (they select so many alerts
    /// that the word is better followed through its matches than tested on each of them).
    /// </summary>
    private async Task<(IAlertSearch? Search, bool Broad)> PlanAsync(
        KittDbContext db, AlertFilter f, string userId, AlertReader? reader, bool forSidebar, CancellationToken cancellationToken)
    {
        var search = await storage.TextSearch.PlanAsync(db, f.Text, limits, cancellationToken);
        var broad = search is { Common: true } && await Filtered(db, f, userId, reader, forSidebar, search: null, AlertAccess.Planned)
            .Take(limits.NarrowRows).CountAsync(cancellationToken) >= limits.NarrowRows;
        return (search, broad);
    }

    /// <summary>
    /// How a count reads the search: a common word across broad filters follows its matches, only within the ids of
    /// the time filter's range; otherwise the filters' own plan.
    /// </summary>
    private static async Task<(IAlertSearch? Search, AlertAccess Access)> CountingAsync(
        KittDbContext db, AlertFilter f, IAlertSearch? search, bool broad, CancellationToken cancellationToken) =>
        broad ? (await search!.WithinAsync(db, f.From, f.To, cancellationToken), AlertAccess.MatchOrder) : (search, AlertAccess.Planned);

    /// <summary>How many alerts <paramref name="counted"/> selects with the search; past <see cref="CountCap"/> only that it is.</summary>
    private static async Task<int> TotalAsync(
        Func<IAlertSearch?, IQueryable<Alert>> counted, IAlertSearch? search, bool capped, CancellationToken cancellationToken)
    {
        if (!capped)
        {
            return await counted(search).CountAsync(cancellationToken);
        }

        // Whole words match no more alerts than the words they start, and FTS5 streams them: past the cap, so is the
        // search; and when each typed word starts no stored word but itself, the two are the same search.
        if (search is { Common: true } && search.WholeWords() is var whole &&
            await counted(whole).Take(CountCap + 1).CountAsync(cancellationToken) is var wholeCount &&
            (wholeCount > CountCap || whole.SameMatchAs(search)))
        {
            return wholeCount;
        }

        return await counted(search).Take(CountCap + 1).CountAsync(cancellationToken);
    }

    /// <summary>Whether the filter selects every stored alert, so the total is the store's count of them.</summary>
    private static bool Everything(AlertFilter f, AlertReader? reader, bool forSidebar) =>
        f is { Text: null or "", Severities.Count: 0, Type: null, Source: null, State: null, From: null, To: null, Unread: null } &&
        !(forSidebar && reader?.ClearedUpTo is not null);

    /// <summary>
    /// A common word across broad filters walks the sort order's index, unless sorted by time with one equality filter,
    /// which that column's (column, FiredAt) index serves in order already.
    /// </summary>
    private static AlertAccess PageAccess(AlertFilter f, bool broad) =>
        broad && !(f.Sort == AlertSort.FiredAt && (f.Type is not null || f.Source is not null || f.State is not null || f.Severities.Count == 1))
            ? AlertAccess.SortOrder
            : AlertAccess.Planned;

    private static IQueryable<Alert> Filtered(
        KittDbContext db, AlertFilter f, string userId, AlertReader? reader, bool forSidebar, IAlertSearch? search, AlertAccess access)
    {
        var query = (search?.Rows(db, access, f) ?? db.Alerts).AsNoTracking();
        if (f.Severities.Count > 0)
        {
            var severities = f.Severities.ToArray();
            query = query.Where(a => severities.Contains(a.Severity));
        }

        if (f.Type is { } type)
        {
            query = query.Where(a => a.Type == type);
        }

        if (f.Source is { } source)
        {
            query = query.Where(a => a.Source == source);
        }

        if (f.State is { } state)
        {
            query = query.Where(a => a.State == state);
        }

        if (f.From is { } from)
        {
            query = query.Where(a => a.FiredAt >= from);
        }

        if (f.To is { } to)
        {
            query = query.Where(a => a.FiredAt <= to);
        }

        if (forSidebar && reader?.ClearedUpTo is { } cleared)
        {
            query = query.Where(a => a.FiredAt > cleared);
        }

        var readUpTo = reader?.ReadUpTo ?? DateTimeOffset.MinValue;
        if (f.Unread == true)
        {
            query = query.Where(a => a.FiredAt > readUpTo && !db.AlertReads.Any(r => r.UserId == userId && r.AlertId == a.Id));
        }
        else if (f.Unread == false)
        {
            query = query.Where(a => a.FiredAt <= readUpTo || db.AlertReads.Any(r => r.UserId == userId && r.AlertId == a.Id));
        }

        return query;
    }

    /// <remarks>
    /// Ascending is the exact reverse of descending (oldest first within a severity, too): SQLite then reads either
    /// direction off the same (column, FiredAt) index and stops at the page, where a mixed order sorted a whole group.
    /// </remarks>
    private static IQueryable<Alert> Sorted(IQueryable<Alert> query, AlertFilter f) => (f.Sort, f.Descending) switch
    {
        (AlertSort.Severity, true) => query.OrderByDescending(a => a.Severity).ThenByDescending(a => a.FiredAt).ThenByDescending(a => a.Id),
        (AlertSort.Severity, false) => query.OrderBy(a => a.Severity).ThenBy(a => a.FiredAt).ThenBy(a => a.Id),
        (AlertSort.Source, true) => query.OrderByDescending(a => a.Source).ThenByDescending(a => a.FiredAt).ThenByDescending(a => a.Id),
        (AlertSort.Source, false) => query.OrderBy(a => a.Source).ThenBy(a => a.FiredAt).ThenBy(a => a.Id),
        (AlertSort.Type, true) => query.OrderByDescending(a => a.Type).ThenByDescending(a => a.FiredAt).ThenByDescending(a => a.Id),
        (AlertSort.Type, false) => query.OrderBy(a => a.Type).ThenBy(a => a.FiredAt).ThenBy(a => a.Id),
        (_, false) => query.OrderBy(a => a.FiredAt).ThenBy(a => a.Id),
        _ => query.OrderByDescending(a => a.FiredAt).ThenByDescending(a => a.Id),
    };

    private static IQueryable<AlertRow> Rows(KittDbContext db, IQueryable<Alert> query, string userId, AlertReader? reader)
    {
        var readUpTo = reader?.ReadUpTo ?? DateTimeOffset.MinValue;
        return query.Select(a => new AlertRow(
            a.Id, a.Key, a.Type, a.Source, a.Severity, a.State, a.Title, a.Message, a.Value, a.Threshold, a.FiredAt, a.ResolvedAt,
            a.FiredAt <= readUpTo || db.AlertReads.Any(r => r.UserId == userId && r.AlertId == a.Id),
            new AlertHandling(a.SilencedBy, a.InhibitedBy, a.AckedBy, a.AckedAt, a.AckComment)));
    }

    /// <summary>One alert as the lists show it, read again after someone took it up.</summary>
    public async Task<AlertRow?> FindAsync(long id, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await ReaderAsync(db, userId, cancellationToken);
        return await Rows(db, db.Alerts.AsNoTracking().Where(a => a.Id == id), userId, reader).FirstOrDefaultAsync(cancellationToken);
    }

    private static Task<AlertReader?> ReaderAsync(KittDbContext db, string userId, CancellationToken cancellationToken) =>
        db.AlertReaders.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId, cancellationToken);

    private async Task UpdateReaderAsync(string userId, Action<AlertReader> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await db.AlertReaders.FirstOrDefaultAsync(r => r.UserId == userId, cancellationToken);
        if (reader is null)
        {
            reader = new AlertReader { UserId = userId };
            db.AlertReaders.Add(reader);
        }

        change(reader);
        await db.SaveChangesAsync(cancellationToken);
    }
}
