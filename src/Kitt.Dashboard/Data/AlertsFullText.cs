namespace Kitt.Dashboard.Data;

/// <summary>The SQL of the <c>alerts_fts</c> full-text index (SQLite FTS5) over <c>alerts</c>.</summary>
public static class AlertsFullText
{
    public const string Create = """
        CREATE VIRTUAL TABLE alerts_fts USING fts5(Title, Message, Source, content='alerts', content_rowid='Id');
        CREATE TRIGGER alerts_fts_insert AFTER INSERT ON alerts BEGIN
            INSERT INTO alerts_fts(rowid, Title, Message, Source) VALUES (new.Id, new.Title, new.Message, new.Source);
        END;
        CREATE TRIGGER alerts_fts_delete AFTER DELETE ON alerts BEGIN
            INSERT INTO alerts_fts(alerts_fts, rowid, Title, Message, Source) VALUES ('delete', old.Id, old.Title, old.Message, old.Source);
        END;
        CREATE TRIGGER alerts_fts_update AFTER UPDATE OF Title, Message, Source ON alerts BEGIN
            INSERT INTO alerts_fts(alerts_fts, rowid, Title, Message, Source) VALUES ('delete', old.Id, old.Title, old.Message, old.Source);
            INSERT INTO alerts_fts(rowid, Title, Message, Source) VALUES (new.Id, new.Title, new.Message, new.Source);
        END;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS alerts_fts_update;
        DROP TRIGGER IF EXISTS alerts_fts_delete;
        DROP TRIGGER IF EXISTS alerts_fts_insert;
        DROP TABLE IF EXISTS alerts_fts;
        """;
}
