using Kitt.Dashboard.Alerts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Data;

/// <summary>The <c>alerts_fts</c> full-text index (SQLite FTS5) over the words of each alert, <c>alerts.SearchText</c>.</summary>
public static class AlertsFullText
{
    /// <remarks>
    /// The words are already split and folded by <see cref="FullText.Words"/>, so the plain <c>ascii</c> tokenizer
    /// reads them exactly as the row test does. Prefixes of one and two letters are indexed: a search typed letter
    /// by letter would otherwise merge the lists of every word starting with "c". No column sizes: nothing ranks.
    /// </remarks>
    public const string Create = """
        CREATE VIRTUAL TABLE alerts_fts USING fts5(SearchText, content='alerts', content_rowid='Id', tokenize='ascii', prefix='1 2', columnsize=0);
        CREATE TRIGGER alerts_fts_insert AFTER INSERT ON alerts BEGIN
            INSERT INTO alerts_fts(rowid, SearchText) VALUES (new.Id, new.SearchText);
        END;
        CREATE TRIGGER alerts_fts_delete AFTER DELETE ON alerts BEGIN
            INSERT INTO alerts_fts(alerts_fts, rowid, SearchText) VALUES ('delete', old.Id, old.SearchText);
        END;
        CREATE TRIGGER alerts_fts_update AFTER UPDATE OF SearchText ON alerts BEGIN
            INSERT INTO alerts_fts(alerts_fts, rowid, SearchText) VALUES ('delete', old.Id, old.SearchText);
            INSERT INTO alerts_fts(rowid, SearchText) VALUES (new.Id, new.SearchText);
        END;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS alerts_fts_update;
        DROP TRIGGER IF EXISTS alerts_fts_delete;
        DROP TRIGGER IF EXISTS alerts_fts_insert;
        DROP TABLE IF EXISTS alerts_fts;
        """;

    /// <summary>Indexes every alert anew from its row.</summary>
    public const string Rebuild = "INSERT INTO alerts_fts(alerts_fts) VALUES ('rebuild');";

    private const int Batch = 2_000;

    /// <summary>
    /// Gives alerts stored before their words were kept (an empty <c>SearchText</c>) their words, and so their place
    /// in the index, a batch per transaction. Runs at start-up, once, after the migration that added the column.
    /// </summary>
    /// <returns>How many alerts were indexed.</returns>
    public static async Task<int> IndexOlderAlertsAsync(KittDbContext db, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var indexed = 0;
            while (true)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var rows = new List<(long Id, string Words)>();
                await using (var select = connection.CreateCommand())
                {
                    select.CommandText = $"SELECT Id, Title, Message, Source FROM alerts WHERE SearchText = '' LIMIT {Batch}";
                    await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rows.Add((reader.GetInt64(0), FullText.Words(reader.GetString(1), reader.GetString(2), reader.GetString(3))));
                    }
                }

                if (rows.Count == 0)
                {
                    return indexed;
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

                await transaction.CommitAsync(cancellationToken);
                indexed += rows.Count;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
