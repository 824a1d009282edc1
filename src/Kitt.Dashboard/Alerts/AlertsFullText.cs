using Kitt.Dashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts;

/// <summary>
/// The <c>alerts_fts</c> full-text index (SQLite FTS5) over the words of each alert (<c>alerts.SearchText</c>) and
/// its facets: its type, severity and source, each one word, so a count of a common word under those filters is an
/// intersection of two lists in the index instead of a lookup of every match.
/// </summary>
public static class AlertsFullText
{
    private static readonly string UpdateTrigger = $"""
        CREATE TRIGGER alerts_fts_update AFTER UPDATE OF SearchText, Type, Severity, Source ON alerts BEGIN
            INSERT INTO alerts_fts(alerts_fts, rowid, SearchText, Facets) VALUES ('delete', old.Id, old.SearchText, {Facets("old")});
            INSERT INTO alerts_fts(rowid, SearchText, Facets) VALUES (new.Id, new.SearchText, {Facets("new")});
        END;

        """;

    /// <remarks>
    /// The words are already split and folded by <see cref="FullText.Words"/>, so the plain <c>ascii</c> tokenizer
    /// reads them exactly as the row test does. Prefixes of one and two letters are indexed: a search typed letter
    /// by letter would otherwise merge the lists of every word starting with "c". No column sizes: nothing ranks. The
    /// facets are computed, not stored: the index reads its rows from a view that adds them (see <see cref="Facets"/>).
    /// </remarks>
    public static readonly string Create = $"""
        CREATE VIEW alert_search AS SELECT Id, SearchText, {Facets("alerts")} AS Facets FROM alerts;
        CREATE VIRTUAL TABLE alerts_fts USING fts5(SearchText, Facets, content='alert_search', content_rowid='Id', tokenize='ascii', prefix='1 2', columnsize=0);
        CREATE TRIGGER alerts_fts_insert AFTER INSERT ON alerts BEGIN
            INSERT INTO alerts_fts(rowid, SearchText, Facets) VALUES (new.Id, new.SearchText, {Facets("new")});
        END;
        CREATE TRIGGER alerts_fts_delete AFTER DELETE ON alerts BEGIN
            INSERT INTO alerts_fts(alerts_fts, rowid, SearchText, Facets) VALUES ('delete', old.Id, old.SearchText, {Facets("old")});
        END;
        {UpdateTrigger}
        """;

    /// <summary>
    /// The facet words of a row as SQL: <c>t</c>, <c>v</c> and <c>s</c> before the type's UTF-8 in hex, the severity's
    /// number and the source's UTF-8 in hex. Hex keeps each value one word, and different values different words, so
    /// the index counts a facet filter exactly; <see cref="FullText.Facet(char, string)"/> spells the same words for a query.
    /// </summary>
    private static string Facets(string row) => $"'t' || hex({row}.Type) || ' v' || {row}.Severity || ' s' || hex({row}.Source)";

    /// <summary>
    /// Every word of <see cref="ListedWordLength"/> or more characters the alerts hold, once (a word of an alert deleted
    /// since may stay: it then matches nothing). A search looks up which words a typed word starts, so that FTS5 reads
    /// those few words' lists instead of merging the lists of a prefix; shorter typed words have prefix indexes of their
    /// own. Kept by a trigger, so every way an alert is stored keeps it.
    /// </summary>
    public const string CreateWords = """
        CREATE TABLE alert_words (Word TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
        CREATE TRIGGER alert_words_insert AFTER INSERT ON alerts WHEN trim(new.SearchText) <> '' BEGIN
            INSERT OR IGNORE INTO alert_words (Word) SELECT DISTINCT value FROM json_each(
                '["' || replace(trim(new.SearchText), ' ', '","') || '"]') WHERE length(value) >= 3;
        END;
        """;

    /// <summary>The shortest word <c>alert_words</c> lists: one and two characters long prefixes are indexed by FTS5.</summary>
    public const int ListedWordLength = 3;

    public const string DropWords = """
        DROP TRIGGER IF EXISTS alert_words_insert;
        DROP TABLE IF EXISTS alert_words;
        """;

    // Words hold only letters and digits, so spaces turned into '","' make a JSON array of them.
    private const string AddAllWords = """
        INSERT OR IGNORE INTO alert_words (Word)
        SELECT j.value FROM alerts, json_each('["' || replace(trim(alerts.SearchText), ' ', '","') || '"]') AS j
        WHERE trim(alerts.SearchText) <> '' AND length(j.value) >= 3;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS alerts_fts_update;
        DROP TRIGGER IF EXISTS alerts_fts_delete;
        DROP TRIGGER IF EXISTS alerts_fts_insert;
        DROP TABLE IF EXISTS alerts_fts;
        DROP VIEW IF EXISTS alert_search;
        """;

    /// <summary>Indexes every alert anew from its row.</summary>
    public const string Rebuild = "INSERT INTO alerts_fts(alerts_fts) VALUES ('rebuild');";

    /// <remarks>
    /// A rebuild leaves the index in many segments, which later inserts would pay to merge: a burst of 10,000 alerts
    /// took 2–5 s instead of about 1 s until they were.
    /// </remarks>
    private const string Optimize = "INSERT INTO alerts_fts(alerts_fts) VALUES ('optimize');";

    /// <summary>
    /// A table that exists from the migration that added the words until the older alerts have them, so start-up
    /// knows without reading the alerts whether there is work left.
    /// </summary>
    public const string PendingMarker = "alerts_words_pending";

    private const int Batch = 5_000;

    /// <summary>
    /// Gives alerts stored before their words were kept (an empty <c>SearchText</c>) their words, then indexes every
    /// alert anew and lists their words. Runs at start-up, before anything else writes; in one transaction, so a crash
    /// leaves the old state.
    /// </summary>
    /// <remarks>
    /// The update trigger is left out while the words are filled in: re-indexing row by row took 100 s for a million
    /// alerts, a rebuild after the fill about 10 s.
    /// </remarks>
    /// <returns>How many alerts got their words.</returns>
    public static async Task<int> IndexOlderAlertsAsync(KittDbContext db, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var pending = connection.CreateCommand())
            {
                pending.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{PendingMarker}'";
                if ((long)(await pending.ExecuteScalarAsync(cancellationToken))! == 0)
                {
                    return 0;
                }
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, "DROP TRIGGER IF EXISTS alerts_fts_update;", cancellationToken);
            var indexed = 0;
            for (var lastId = 0L; ;)
            {
                var rows = new List<(long Id, string Words)>();
                await using (var select = connection.CreateCommand())
                {
                    select.CommandText = $"SELECT Id, Title, Message, Source FROM alerts WHERE Id > $after AND SearchText = '' ORDER BY Id LIMIT {Batch}";
                    select.Parameters.AddWithValue("$after", lastId);
                    await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rows.Add((reader.GetInt64(0), FullText.Words(reader.GetString(1), reader.GetString(2), reader.GetString(3))));
                    }
                }

                if (rows.Count == 0)
                {
                    break;
                }

                await using var update = connection.CreateCommand();
                update.CommandText = "UPDATE alerts SET SearchText = $words WHERE Id = $id";
                var words = update.Parameters.Add("$words", SqliteType.Text);
                var id = update.Parameters.Add("$id", SqliteType.Integer);
                foreach (var row in rows)
                {
                    (words.Value, id.Value) = (row.Words, row.Id);
                    await update.ExecuteNonQueryAsync(cancellationToken);
                }

                indexed += rows.Count;
                lastId = rows[^1].Id;
            }

            await ExecuteAsync(connection, UpdateTrigger + Rebuild + Optimize + AddAllWords + $"DROP TABLE {PendingMarker};", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return indexed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
