using Kitt.Dashboard.Events;
using Microsoft.Data.Sqlite;

namespace Kitt.Dashboard.Alerts;

/// <summary>
/// Writes alerts, their changes and their outbox events through one prepared statement each, in the caller's
/// transaction. EF would prepare an insert per row, and with the full-text trigger on <c>alerts</c> preparing costs
/// more than inserting: a burst of 10,000 alerts took seconds that way.
/// </summary>
internal sealed class AlertWriter : IAsyncDisposable
{
    private readonly SqliteCommand insertAlert;
    private readonly SqliteCommand resolveAlert;
    private readonly SqliteCommand insertChange;
    private readonly SqliteCommand insertEvent;

    public AlertWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        insertAlert = Command(connection, transaction, """
            INSERT INTO alerts (Key, Type, Source, Severity, State, Title, Message, SearchText, Value, Threshold, FiredAt, ResolvedAt, UpdatedAt)
            VALUES ($key, $type, $source, $severity, $state, $title, $message, $searchText, $value, $threshold, $firedAt, $resolvedAt, $updatedAt)
            RETURNING Id
            """);
        resolveAlert = Command(connection, transaction, "UPDATE alerts SET State = $state, ResolvedAt = $resolvedAt, UpdatedAt = $updatedAt WHERE Id = $id");
        insertChange = Command(connection, transaction, "INSERT INTO alert_changes (AlertId, State, At, Value, Message) VALUES ($alertId, $state, $at, $value, $message)");
        insertEvent = Command(connection, transaction, """
            INSERT INTO outbox_events (EventId, Topic, Key, Envelope, CreatedAt, SentAt, Attempts, LastError)
            VALUES ($eventId, $topic, $key, $envelope, $createdAt, $sentAt, 0, NULL)
            """);
    }

    /// <summary>Stores a new alert and its changes; sets its id.</summary>
    public async Task InsertAsync(Alert alert, CancellationToken cancellationToken)
    {
        Set(insertAlert, ("$key", alert.Key), ("$type", alert.Type), ("$source", alert.Source), ("$severity", (int)alert.Severity),
            ("$state", (int)alert.State), ("$title", alert.Title), ("$message", alert.Message), ("$searchText", alert.SearchText),
            ("$value", alert.Value), ("$threshold", alert.Threshold), ("$firedAt", alert.FiredAt.UtcTicks), ("$resolvedAt", alert.ResolvedAt?.UtcTicks),
            ("$updatedAt", alert.UpdatedAt.UtcTicks));
        alert.Id = (long)(await insertAlert.ExecuteScalarAsync(cancellationToken))!;
        await AddChangesAsync(alert, cancellationToken);
    }

    /// <summary>Stores an alert's end and the change that ended it.</summary>
    public async Task ResolveAsync(Alert alert, CancellationToken cancellationToken)
    {
        Set(resolveAlert, ("$state", (int)alert.State), ("$resolvedAt", alert.ResolvedAt?.UtcTicks), ("$updatedAt", alert.UpdatedAt.UtcTicks), ("$id", alert.Id));
        await resolveAlert.ExecuteNonQueryAsync(cancellationToken);
        await AddChangesAsync(alert, cancellationToken);
    }

    public async Task AddEventAsync(OutboxEvent e, CancellationToken cancellationToken)
    {
        Set(insertEvent, ("$eventId", e.EventId), ("$topic", e.Topic), ("$key", e.Key), ("$envelope", e.Envelope),
            ("$createdAt", e.CreatedAt.UtcTicks), ("$sentAt", e.SentAt?.UtcTicks));
        await insertEvent.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { insertAlert, resolveAlert, insertChange, insertEvent })
        {
            await command.DisposeAsync();
        }
    }

    /// <summary>Stores the changes not stored yet (they have no id): the new ones of this save.</summary>
    private async Task AddChangesAsync(Alert alert, CancellationToken cancellationToken)
    {
        foreach (var change in alert.Changes.Where(c => c.Id == 0))
        {
            Set(insertChange, ("$alertId", alert.Id), ("$state", (int)change.State), ("$at", change.At.UtcTicks), ("$value", change.Value), ("$message", change.Message));
            await insertChange.ExecuteNonQueryAsync(cancellationToken);
            change.AlertId = alert.Id;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Set(SqliteCommand command, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        foreach (var (name, value) in values)
        {
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }
            else
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }
    }
}
