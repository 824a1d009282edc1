using Microsoft.Data.Sqlite;

namespace Kitt.Dashboard.Data;

/// <summary>
/// One SQL statement prepared once and run many times in the caller's transaction, for bulk writers: EF prepares an
/// insert per row, which with triggers on a table costs more than inserting.
/// </summary>
public sealed class PreparedStatement : IAsyncDisposable
{
    private readonly SqliteCommand command;

    public PreparedStatement(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
    }

    public async Task ExecuteAsync(CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        Bind(values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        Bind(values);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();

    private void Bind((string Name, object? Value)[] values)
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
