using Kitt.Dashboard.Data;
using Kitt.Dashboard.Events;
using System.Data.Common;

namespace Kitt.Dashboard.Alerts;

/// <summary>
/// SQLite's writer: alerts, their changes and their outbox events through one prepared statement each, in the
/// caller's transaction. EF would prepare an insert per row, and with the full-text trigger on <c>alerts</c>
/// preparing costs more than inserting: a burst of 10,000 alerts took seconds that way. A statement a row costs
/// nothing more on an embedded database; a server is written in batches (<see cref="PostgresAlertWriter"/>).
/// </summary>
internal sealed class AlertWriter(DbConnection connection, DbTransaction transaction) : IAlertWriter
{
    private readonly PreparedStatement insertAlert = new(connection, transaction, """
        INSERT INTO alerts ("Key", "Type", "Source", "Severity", "State", "Title", "Message", "SearchText", "Value", "Threshold", "FiredAt", "ResolvedAt", "UpdatedAt", "SilencedBy", "InhibitedBy", "Labels")
        VALUES (@key, @type, @source, @severity, @state, @title, @message, @searchText, @value, @threshold, @firedAt, @resolvedAt, @updatedAt, @silencedBy, @inhibitedBy, @labels)
        RETURNING "Id"
        """);

    private readonly PreparedStatement resolveAlert = new(connection, transaction,
        """UPDATE alerts SET "State" = @state, "ResolvedAt" = @resolvedAt, "UpdatedAt" = @updatedAt WHERE "Id" = @id""");

    private readonly PreparedStatement insertChange = new(connection, transaction,
        """INSERT INTO alert_changes ("AlertId", "State", "At", "Value", "Message") VALUES (@alertId, @state, @at, @value, @message)""");

    private readonly OutboxStatement events = new(connection, transaction);

    private readonly PreparedStatement insertNotice = new(connection, transaction,
        $"""INSERT INTO {Notifications.NotificationsModel.NoticesTable} ("AlertId", "Body", "CreatedAt") VALUES (@alertId, @body, @createdAt)""");

    public async Task SaveAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        foreach (var alert in alerts)
        {
            await (alert.Id == 0 ? InsertAsync(alert, cancellationToken) : ResolveAsync(alert, cancellationToken));
        }
    }

    public async Task AddEventsAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            await this.events.AddAsync(e, cancellationToken);
        }
    }

    public async Task AddNoticesAsync(IReadOnlyList<Notifications.AlertNotice> notices, CancellationToken cancellationToken)
    {
        foreach (var n in notices)
        {
            await insertNotice.ExecuteAsync(cancellationToken, ("@alertId", n.AlertId), ("@body", n.Body), ("@createdAt", n.CreatedAt.UtcTicks));
        }
    }

    /// <summary>Stores a new alert and its changes; sets its id.</summary>
    private async Task InsertAsync(Alert alert, CancellationToken cancellationToken)
    {
        alert.Id = (long)(await insertAlert.ScalarAsync(cancellationToken,
            ("@key", alert.Key), ("@type", alert.Type), ("@source", alert.Source), ("@severity", (int)alert.Severity),
            ("@state", (int)alert.State), ("@title", alert.Title), ("@message", alert.Message), ("@searchText", alert.SearchText),
            ("@value", alert.Value), ("@threshold", alert.Threshold), ("@firedAt", alert.FiredAt.UtcTicks), ("@resolvedAt", alert.ResolvedAt?.UtcTicks),
            ("@updatedAt", alert.UpdatedAt.UtcTicks), ("@silencedBy", alert.SilencedBy), ("@inhibitedBy", alert.InhibitedBy), ("@labels", alert.Labels)))!;
        await AddChangesAsync(alert, cancellationToken);
    }

    /// <summary>Stores an alert's end and the change that ended it.</summary>
    private async Task ResolveAsync(Alert alert, CancellationToken cancellationToken)
    {
        await resolveAlert.ExecuteAsync(cancellationToken,
            ("@state", (int)alert.State), ("@resolvedAt", alert.ResolvedAt?.UtcTicks), ("@updatedAt", alert.UpdatedAt.UtcTicks), ("@id", alert.Id));
        await AddChangesAsync(alert, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await insertAlert.DisposeAsync();
        await resolveAlert.DisposeAsync();
        await insertChange.DisposeAsync();
        await events.DisposeAsync();
        await insertNotice.DisposeAsync();
    }

    /// <summary>Stores the changes not stored yet (they have no id): the new ones of this save.</summary>
    private async Task AddChangesAsync(Alert alert, CancellationToken cancellationToken)
    {
        foreach (var change in alert.Changes.Where(c => c.Id == 0))
        {
            await insertChange.ExecuteAsync(cancellationToken,
                ("@alertId", alert.Id), ("@state", (int)change.State), ("@at", change.At.UtcTicks), ("@value", change.Value), ("@message", change.Message));
            change.AlertId = alert.Id;
        }
    }
}
