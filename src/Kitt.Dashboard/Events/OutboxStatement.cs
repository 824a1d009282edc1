using System.Data.Common;
using Kitt.Dashboard.Data;

namespace Kitt.Dashboard.Events;

/// <summary>
/// Stores outbox events through one prepared statement in a bulk writer's transaction, beside the facts they announce.
/// The outbox's one writer outside EF: the columns are those <see cref="OutboxModel"/> maps.
/// </summary>
public sealed class OutboxStatement(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private readonly PreparedStatement insert = new(connection, transaction, $"""
        INSERT INTO {OutboxModel.Table} ("EventId", "Topic", "Key", "Envelope", "CreatedAt", "SentAt", "Attempts", "LastError", "Origin")
        VALUES (@eventId, @topic, @key, @envelope, @createdAt, @sentAt, 0, NULL, @origin)
        """);

    public Task AddAsync(OutboxEvent e, CancellationToken cancellationToken) => insert.ExecuteAsync(
        cancellationToken,
        ("@eventId", e.EventId), ("@topic", e.Topic), ("@key", e.Key), ("@envelope", e.Envelope),
        ("@createdAt", e.CreatedAt.UtcTicks), ("@sentAt", e.SentAt?.UtcTicks), ("@origin", e.Origin));

    public ValueTask DisposeAsync() => insert.DisposeAsync();
}
