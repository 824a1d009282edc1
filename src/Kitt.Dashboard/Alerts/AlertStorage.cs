using System.Data.Common;
using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kitt.Dashboard.Alerts;

/// <summary>
/// What alerts do differently on each provider, in one place: how a text search is planned, how a burst of alert
/// changes is written, how the whole history is counted, and the one-off upgrade of older data. The rest of the feature is the same on both.
/// </summary>
public abstract class AlertStorage
{
    public abstract IAlertTextSearch TextSearch { get; }

    /// <summary>Work older databases of this provider need once; null when none.</summary>
    public virtual IDatabaseUpgrade? Upgrade => null;

    internal abstract IAlertWriter Writer(DbConnection connection, DbTransaction transaction);

    /// <summary>How many alerts are stored, for the unfiltered history's total.</summary>
    internal virtual Task<int> CountAllAsync(KittDbContext db, CancellationToken cancellationToken) => db.Alerts.CountAsync(cancellationToken);

    public static AlertStorage For(StoreProvider provider) =>
        provider.Kind == StoreProvider.Postgres ? new PostgresAlertStorage() : new SqliteAlertStorage();

    private sealed class SqliteAlertStorage : AlertStorage
    {
        public override IAlertTextSearch TextSearch { get; } = new SqliteAlertTextSearch();

        public override IDatabaseUpgrade? Upgrade { get; } = new AlertWordsUpgrade();

        internal override IAlertWriter Writer(DbConnection connection, DbTransaction transaction) => new AlertWriter(connection, transaction);
    }

    private sealed class PostgresAlertStorage : AlertStorage
    {
        public override IAlertTextSearch TextSearch { get; } = new PostgresAlertTextSearch();

        internal override IAlertWriter Writer(DbConnection connection, DbTransaction transaction) =>
            new PostgresAlertWriter((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);

        internal override async Task<int> CountAllAsync(KittDbContext db, CancellationToken cancellationToken) =>
            (int)await db.Database.SqlQueryRaw<long>(PostgresAlertTotal.Read).SingleAsync(cancellationToken);
    }
}

/// <summary>Writes a save's alerts, their changes and their outbox events in the caller's transaction.</summary>
internal interface IAlertWriter : IAsyncDisposable
{
    /// <summary>Stores the new alerts (and sets their ids), the ends of stored ones, and every change not stored yet.</summary>
    Task SaveAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken);

    Task AddEventsAsync(IReadOnlyList<Events.OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>Stores the changes the receivers are to hear of, for the notifier.</summary>
    Task AddNoticesAsync(IReadOnlyList<Notifications.AlertNotice> notices, CancellationToken cancellationToken);
}
