using Kitt.Dashboard.Events;
using Npgsql;
using NpgsqlTypes;

namespace Kitt.Dashboard.Alerts;

/// <summary>
/// PostgreSQL's writer: a statement a row is a round trip a row to the server (a burst of 10,000 alerts took 7 s that
/// way), so new alerts go in batches of inserts (each returns its id), and ends, changes and outbox events as one
/// statement a table over arrays (<c>unnest</c>). All in the caller's transaction.
/// </summary>
internal sealed class PostgresAlertWriter(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAlertWriter
{
    /// <summary>Inserts sent in one round trip.</summary>
    private const int Batch = 1_000;

    public async Task SaveAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        // Stored alerts that ended, told apart before the inserts give the new ones their ids.
        var ended = alerts.Where(a => a.Id != 0 && a.Changes.Any(c => c.Id == 0)).ToList();
        foreach (var chunk in alerts.Where(a => a.Id == 0).Chunk(Batch))
        {
            await InsertAsync(chunk, cancellationToken);
        }

        await ExecuteAsync("""
            UPDATE alerts AS a SET "State" = e.state, "ResolvedAt" = e.resolved_at, "UpdatedAt" = e.updated_at
            FROM unnest(@id, @state, @resolved_at, @updated_at) AS e(id, state, resolved_at, updated_at)
            WHERE a."Id" = e.id
            """, ended.Count, cancellationToken,
            Array("id", NpgsqlDbType.Bigint, ended.Select(a => a.Id)),
            Array("state", NpgsqlDbType.Integer, ended.Select(a => (int)a.State)),
            Array("resolved_at", NpgsqlDbType.Bigint, ended.Select(a => a.ResolvedAt?.UtcTicks)),
            Array("updated_at", NpgsqlDbType.Bigint, ended.Select(a => a.UpdatedAt.UtcTicks)));

        var changes = alerts.SelectMany(a => a.Changes.Where(c => c.Id == 0).Select(c => (Alert: a, Change: c))).ToList();
        await ExecuteAsync("""
            INSERT INTO alert_changes ("AlertId", "State", "At", "Value", "Message")
            SELECT * FROM unnest(@alert_id, @state, @at, @value, @message)
            """, changes.Count, cancellationToken,
            Array("alert_id", NpgsqlDbType.Bigint, changes.Select(c => c.Alert.Id)),
            Array("state", NpgsqlDbType.Integer, changes.Select(c => (int)c.Change.State)),
            Array("at", NpgsqlDbType.Bigint, changes.Select(c => c.Change.At.UtcTicks)),
            Array("value", NpgsqlDbType.Double, changes.Select(c => c.Change.Value)),
            Array("message", NpgsqlDbType.Text, changes.Select(c => c.Change.Message)));
        foreach (var (alert, change) in changes)
        {
            change.AlertId = alert.Id;
        }
    }

    public Task AddEventsAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken) => ExecuteAsync($"""
        INSERT INTO {OutboxModel.Table} ("EventId", "Topic", "Key", "Envelope", "CreatedAt", "SentAt", "Attempts", "LastError", "Origin")
        SELECT e.event_id, e.topic, e.key, e.envelope, e.created_at, e.sent_at, 0, NULL, e.origin
        FROM unnest(@event_id, @topic, @key, @envelope, @created_at, @sent_at, @origin)
            AS e(event_id, topic, key, envelope, created_at, sent_at, origin)
        """, events.Count, cancellationToken,
        Array("event_id", NpgsqlDbType.Text, events.Select(e => e.EventId)),
        Array("topic", NpgsqlDbType.Text, events.Select(e => e.Topic)),
        Array("key", NpgsqlDbType.Text, events.Select(e => e.Key)),
        Array("envelope", NpgsqlDbType.Text, events.Select(e => e.Envelope)),
        Array("created_at", NpgsqlDbType.Bigint, events.Select(e => e.CreatedAt.UtcTicks)),
        Array("sent_at", NpgsqlDbType.Bigint, events.Select(e => e.SentAt?.UtcTicks)),
        Array("origin", NpgsqlDbType.Text, events.Select(e => e.Origin)));

    public Task AddNoticesAsync(IReadOnlyList<Notifications.AlertNotice> notices, CancellationToken cancellationToken) => ExecuteAsync($"""
        INSERT INTO {Notifications.NotificationsModel.NoticesTable} ("AlertId", "Body", "CreatedAt")
        SELECT * FROM unnest(@alert_id, @body, @created_at)
        """, notices.Count, cancellationToken,
        Array("alert_id", NpgsqlDbType.Bigint, notices.Select(n => n.AlertId)),
        Array("body", NpgsqlDbType.Text, notices.Select(n => n.Body)),
        Array("created_at", NpgsqlDbType.Bigint, notices.Select(n => n.CreatedAt.UtcTicks)));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>One insert a row, sent together; each returns its id, read back in the same order.</summary>
    private async Task InsertAsync(Alert[] alerts, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var a in alerts)
        {
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO alerts ("Key", "Type", "Source", "Severity", "State", "Title", "Message", "SearchText", "Value", "Threshold", "FiredAt", "ResolvedAt", "UpdatedAt", "SilencedBy", "InhibitedBy", "Labels")
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
                RETURNING "Id"
                """);
            foreach (var value in new object?[]
            {
                a.Key, a.Type, a.Source, (int)a.Severity, (int)a.State, a.Title, a.Message, a.SearchText,
                a.Value, a.Threshold, a.FiredAt.UtcTicks, a.ResolvedAt?.UtcTicks, a.UpdatedAt.UtcTicks, a.SilencedBy, a.InhibitedBy, a.Labels,
            })
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            batch.BatchCommands.Add(insert);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var alert in alerts)
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException("an alert insert returned no id");
            }

            alert.Id = reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken);
        }
    }

    private async Task ExecuteAsync(string sql, int rows, CancellationToken cancellationToken, params NpgsqlParameter[] arrays)
    {
        if (rows == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(arrays);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };
}
