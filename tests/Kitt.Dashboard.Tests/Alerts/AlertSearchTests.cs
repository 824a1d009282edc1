using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kitt.Dashboard.Tests.Alerts;

/// <summary>
/// Text search on a real database of each provider: whichever plan a search takes (on SQLite the full-text index's
/// list of matches, rows tested along a filter's index, or matches followed in index order for the count while the
/// page walks the sort order; on PostgreSQL the trigram index or the planner's own choice), it finds the alerts a
/// plain reading of their words finds, in the same order and with the same counts.
/// </summary>
public abstract class AlertSearchTests(StoreKind kind) : IDisposable
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Vocabulary =
        ["customs", "custody", "customer", "router", "route", "rerouted", "Zürich", "zurichsee", "depot", "depots", "ledger", "cpu", "92.5", "9250", "node-7", "7"];

    private static readonly string[] Types = ["cpu", "memory", "container_health"];
    private static readonly string[] Sources = ["host", "router-1", "router-2", "billing"];

    protected FakeTimeProvider Clock { get; } = new(Now);

    /// <summary>The plans the provider's search can take, each forced in turn by the limits.</summary>
    protected abstract IReadOnlyList<(string Name, AlertSearchLimits Limits)> Plans { get; }

    protected TestDatabase Database { get; } = new(kind: kind);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing) => Database.Dispose();

    protected AlertQueries Queries(AlertSearchLimits? limits = null) => new(Database.Factory, Clock, Database.AlertStorage, limits);

    [Fact]
    public async Task Every_plan_finds_exactly_the_alerts_whose_words_match_in_order_with_their_counts()
    {
        var random = new Random(20261201);
        var alerts = Enumerable.Range(0, 400).Select(i => RandomAlert(random, i)).ToList();
        await StoreAsync(alerts);
        var stored = await StoredAsync();

        for (var round = 0; round < 60; round++)
        {
            var filter = RandomFilter(random);
            var expected = Sort(stored.Where(a => Selects(filter, a)), filter).Select(a => a.Id).ToList();
            foreach (var (name, limits) in Plans)
            {
                var queries = Queries(limits);
                var because = $"plan '{name}', filter {filter.ToQuery()}";

                var page = await queries.PageAsync(filter, "analyst");
                Assert.True(expected.Count == page.Total, $"{because}: total {page.Total}, expected {expected.Count}");
                Assert.False(page.TotalCapped, because);
                Assert.True(expected.Skip(filter.Skip).Take(filter.Take).SequenceEqual(page.Items.Select(a => a.Id)), $"{because}: page differs");

                var exported = await queries.StreamAsync(filter with { Skip = 0 }, "analyst").Select(a => a.Id).ToListAsync();
                Assert.True(expected.SequenceEqual(exported), $"{because}: export differs");

                var counts = await queries.CountsAsync(filter with { Skip = 0 }, "analyst");
                Assert.True(expected.Count == counts.ByType.Sum(t => t.Value), $"{because}: counts by type differ");
                Assert.True(expected.Count == counts.Total, $"{because}: counts over time differ");
            }
        }
    }

    [Fact]
    public async Task A_common_word_counts_to_the_cap_in_every_plan_and_pages_past_other_alerts()
    {
        // The newest alerts do not match, so a walk in sort order has to pass them before the page fills.
        await StoreAsync(Enumerable.Range(0, AlertQueries.CountCap + 400).Select(i => NewAlert(Now.AddMinutes(-i), i < 300 ? "disk full" : "customs hold")));
        foreach (var (name, limits) in Plans)
        {
            var queries = Queries(limits);

            var page = await queries.PageAsync(AlertFilter.All with { Text = "cust", Take = 10 }, "analyst");

            Assert.True(page.TotalCapped, name);
            Assert.Equal(AlertQueries.CountCap, page.Total);
            Assert.Equal(Enumerable.Range(300, 10).Select(i => Now.AddMinutes(-i)), page.Items.Select(a => a.FiredAt));
        }
    }

    /// <summary>The reference reading: each typed term's words occur in a row, the last one possibly as a word's start.</summary>
    private static bool Contains(string searchText, string term)
    {
        var words = searchText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var wanted = FullText.Words(term).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (wanted.Length == 0)
        {
            return true;
        }

        for (var start = 0; start + wanted.Length <= words.Length; start++)
        {
            var whole = Enumerable.Range(0, wanted.Length - 1).All(k => words[start + k] == wanted[k]);
            if (whole && words[start + wanted.Length - 1].StartsWith(wanted[^1], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Selects(AlertFilter f, Alert a) =>
        (f.Severities.Count == 0 || f.Severities.Contains(a.Severity)) &&
        (f.Type is null || a.Type == f.Type) &&
        (f.Source is null || a.Source == f.Source) &&
        (f.State is null || a.State == f.State) &&
        (f.From is null || a.FiredAt >= f.From) &&
        (f.To is null || a.FiredAt <= f.To) &&
        (f.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).All(term => Contains(a.SearchText, term));

    private static IEnumerable<Alert> Sort(IEnumerable<Alert> alerts, AlertFilter f) => (f.Sort, f.Descending) switch
    {
        (AlertSort.Severity, true) => alerts.OrderByDescending(a => a.Severity).ThenByDescending(a => a.FiredAt).ThenByDescending(a => a.Id),
        (AlertSort.Severity, false) => alerts.OrderBy(a => a.Severity).ThenBy(a => a.FiredAt).ThenBy(a => a.Id),
        (AlertSort.Source, true) => alerts.OrderByDescending(a => a.Source, StringComparer.Ordinal).ThenByDescending(a => a.FiredAt).ThenByDescending(a => a.Id),
        (AlertSort.Source, false) => alerts.OrderBy(a => a.Source, StringComparer.Ordinal).ThenBy(a => a.FiredAt).ThenBy(a => a.Id),
        (AlertSort.Type, true) => alerts.OrderByDescending(a => a.Type, StringComparer.Ordinal).ThenByDescending(a => a.FiredAt).ThenByDescending(a => a.Id),
        (AlertSort.Type, false) => alerts.OrderBy(a => a.Type, StringComparer.Ordinal).ThenBy(a => a.FiredAt).ThenBy(a => a.Id),
        (_, false) => alerts.OrderBy(a => a.FiredAt).ThenBy(a => a.Id),
        _ => alerts.OrderByDescending(a => a.FiredAt).ThenByDescending(a => a.Id),
    };

    private static AlertFilter RandomFilter(Random random)
    {
        string Term()
        {
            var word = Vocabulary[random.Next(Vocabulary.Length)];
            return random.Next(3) == 0 ? word : word[..random.Next(1, word.Length + 1)]; // often a word's start
        }

        var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 3)).Select(_ => Term()));
        var filter = AlertFilter.All with
        {
            Text = text,
            Sort = (AlertSort)random.Next(4),
            Descending = random.Next(4) != 0,
            Skip = random.Next(3) == 0 ? random.Next(20) : 0,
            Take = random.Next(1, 30),
        };
        return random.Next(7) switch
        {
            0 => filter with { Severities = [(AlertSeverity)random.Next(4)] },
            1 => filter with { Type = Types[random.Next(Types.Length)] },
            2 => filter with { Source = Sources[random.Next(Sources.Length)] },
            3 => filter with { State = (AlertState)random.Next(2) },
            4 => filter with { From = Now.AddHours(-random.Next(1, 200)) },
            5 => filter with { From = Now.AddHours(-150), To = Now.AddHours(-random.Next(1, 100)) },
            _ => filter,
        };
    }

    private static Alert RandomAlert(Random random, int i)
    {
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
        var type = Types[random.Next(Types.Length)];
        var source = Sources[random.Next(Sources.Length)];
        // Stored roughly as they fire, with some out of order, as a clock step or a late batch would leave them.
        var firedAt = Now.AddMinutes(-(400 - i) * 30 + (random.Next(10) == 0 ? -random.Next(3000) : 0));
        return NewAlert(firedAt, Words(random.Next(1, 5)), type, source, (AlertSeverity)random.Next(4), (AlertState)random.Next(2), title: $"{type} on {source} {Words(1)}");
    }

    protected static Alert NewAlert(
        DateTimeOffset firedAt, string message, string type = "cpu", string source = "router",
        AlertSeverity severity = AlertSeverity.Warning, AlertState state = AlertState.Resolved, string? title = null)
    {
        title ??= $"{type} on {source}";
        return new Alert
        {
            Key = $"{type}:{source}",
            Type = type,
            Source = source,
            Severity = severity,
            State = state,
            Title = title,
            Message = message,
            SearchText = FullText.Words(title, message, source),
            FiredAt = firedAt,
            UpdatedAt = firedAt,
        };
    }

    protected async Task StoreAsync(IEnumerable<Alert> alerts)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        db.Alerts.AddRange(alerts);
        await db.SaveChangesAsync();
    }

    private async Task<List<Alert>> StoredAsync()
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        return await db.Alerts.AsNoTracking().ToListAsync();
    }
}

/// <summary>On SQLite: FTS5's three plans, and the upgrade of files from before search kept words.</summary>
public sealed class AlertSearchOnSqliteTests() : AlertSearchTests(StoreKind.Sqlite)
{
    // Never common; always common and narrow; always common and broad: each plan in turn.
    protected override IReadOnlyList<(string Name, AlertSearchLimits Limits)> Plans =>
    [
        ("match list", new AlertSearchLimits(CommonMatches: int.MaxValue)),
        ("rows tested along the filters' index", new AlertSearchLimits(CommonMatches: 1, NarrowRows: int.MaxValue)),
        ("matches followed, sort order walked", new AlertSearchLimits(CommonMatches: 1, NarrowRows: 1)),
    ];

    [Fact]
    public async Task Alerts_stored_before_their_words_were_kept_are_found_after_the_upgrade_and_can_still_be_deleted()
    {
        using var older = new TestDatabase("20261125173849_Outbox");
        await using (var db = await older.Factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO alerts (Key, Type, Source, Severity, State, Title, Message, FiredAt, UpdatedAt)
                VALUES ('cpu:router', 'cpu', 'router', 2, 1, 'CPU on router', 'Customs gateway at 93 %', 1, 1),
                       ('memory:depot', 'memory', 'depot', 1, 1, 'Memory on depot', 'Zürich ledger', 2, 2);
                """);
            await db.Database.MigrateAsync();
            Assert.Equal(2, await AlertsFullText.IndexOlderAlertsAsync(db, CancellationToken.None));
            Assert.Equal(0, await AlertsFullText.IndexOlderAlertsAsync(db, CancellationToken.None));
        }

        var queries = new AlertQueries(older.Factory, Clock, older.AlertStorage);
        Assert.Equal("cpu:router", Assert.Single((await queries.PageAsync(AlertFilter.All with { Text = "custom gate" }, "analyst")).Items).Key);
        Assert.Equal("memory:depot", Assert.Single((await queries.PageAsync(AlertFilter.All with { Text = "zurich" }, "analyst")).Items).Key);

        await using (var db = await older.Factory.CreateDbContextAsync())
        {
            // The index holds every row it is asked to take out again (FTS5 reports a corrupt index otherwise).
            Assert.Equal(2, await db.Alerts.ExecuteDeleteAsync());
            await db.Database.ExecuteSqlRawAsync("INSERT INTO alerts_fts(alerts_fts) VALUES ('integrity-check');");
        }

        Assert.Equal(0, (await queries.PageAsync(AlertFilter.All with { Text = "customs" }, "analyst")).Total);
    }

    [Fact]
    public async Task The_index_agrees_with_the_rows_after_alerts_are_stored_resolved_and_deleted()
    {
        await StoreAsync(Enumerable.Range(0, 50).Select(i => NewAlert(Now.AddMinutes(-i), $"customs {i}")));
        await using var db = await Database.Factory.CreateDbContextAsync();
        await db.Alerts.Where(a => a.Id % 3 == 0).ExecuteUpdateAsync(u => u.SetProperty(a => a.State, AlertState.Firing));
        await db.Alerts.Where(a => a.Id % 5 == 0).ExecuteDeleteAsync();

        await db.Database.ExecuteSqlRawAsync("INSERT INTO alerts_fts(alerts_fts, rank) VALUES ('integrity-check', 1);");
        var page = await Queries().PageAsync(AlertFilter.All with { Text = "customs" }, "analyst");
        Assert.Equal(40, page.Total);
    }
}

/// <summary>On PostgreSQL: one plan (the trigram index and PostgreSQL's planner), the same answers.</summary>
public sealed class AlertSearchOnPostgresTests() : AlertSearchTests(StoreKind.Postgres)
{
    protected override IReadOnlyList<(string Name, AlertSearchLimits Limits)> Plans => [("trigram index", new AlertSearchLimits())];
}
