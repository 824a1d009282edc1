using Kitt.Dashboard.Alerts;
using Npgsql;
using NpgsqlTypes;

namespace Kitt.Dashboard.Bench;

/// <summary>Stores the bench's alerts on PostgreSQL with COPY: a million single-row inserts would take minutes.</summary>
internal static class AlertsFill
{
    public static async Task PostgresAsync(string connectionString, IEnumerable<Alert> alerts)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var import = await connection.BeginBinaryImportAsync("""
            COPY alerts ("Key", "Type", "Source", "Severity", "State", "Title", "Message", "SearchText", "Value", "Threshold", "FiredAt", "ResolvedAt", "UpdatedAt")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var a in alerts)
            {
                await import.StartRowAsync();
                await import.WriteAsync(a.Key, NpgsqlDbType.Varchar);
                await import.WriteAsync(a.Type, NpgsqlDbType.Varchar);
                await import.WriteAsync(a.Source, NpgsqlDbType.Varchar);
                await import.WriteAsync((int)a.Severity, NpgsqlDbType.Integer);
                await import.WriteAsync((int)a.State, NpgsqlDbType.Integer);
                await import.WriteAsync(a.Title, NpgsqlDbType.Varchar);
                await import.WriteAsync(a.Message, NpgsqlDbType.Varchar);
                await import.WriteAsync(a.SearchText, NpgsqlDbType.Text);
                await import.WriteAsync(a.Value ?? 0, NpgsqlDbType.Double);
                await import.WriteAsync(a.Threshold ?? 0, NpgsqlDbType.Double);
                await import.WriteAsync(a.FiredAt.UtcTicks, NpgsqlDbType.Bigint);
                if (a.ResolvedAt is { } resolved)
                {
                    await import.WriteAsync(resolved.UtcTicks, NpgsqlDbType.Bigint);
                }
                else
                {
                    await import.WriteNullAsync();
                }

                await import.WriteAsync(a.UpdatedAt.UtcTicks, NpgsqlDbType.Bigint);
            }

            await import.CompleteAsync();
        }

        // As autovacuum leaves a table soon after such a load: fresh statistics (the planner's choices depend on them)
        // and the visibility map, without which PostgreSQL reads every row a count covers from the table itself.
        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE alerts", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
