using System.Data.Common;

namespace Kitt.Dashboard.Data;

/// <summary>
/// One SQL statement made once and run many times in the caller's transaction, for bulk writers: EF prepares an
/// insert per row, which with triggers on a table costs more than inserting. The SQL is written for every provider:
/// identifiers in double quotes, parameters as <c>@name</c>.
/// </summary>
public sealed class PreparedStatement : IAsyncDisposable
{
    private readonly DbCommand command;

    public PreparedStatement(DbConnection connection, DbTransaction transaction, string sql)
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
            if (!command.Parameters.Contains(name))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            command.Parameters[name].Value = value ?? DBNull.Value;
        }
    }
}
