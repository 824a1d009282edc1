using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kitt.Dashboard.Data;

/// <summary>What the store's exceptions mean, decided in one place rather than by error codes spread over the features.</summary>
public static class StoreErrors
{
    /// <summary>SQLITE_CONSTRAINT: a unique index (or another constraint) refused the row.</summary>
    private const int SqliteConstraint = 19;

    /// <summary>PostgreSQL's unique_violation.</summary>
    private const string PostgresUniqueViolation = "23505";

    /// <summary>The row exists already: a repeated reference, an event id handled before.</summary>
    public static bool IsDuplicate(DbUpdateException ex) =>
        ex.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint } or PostgresException { SqlState: PostgresUniqueViolation };

    /// <summary>The store could not be read or written (busy, locked, full, gone): worth a retry and a degraded state.</summary>
    public static bool IsStoreFailure(Exception ex) =>
        ex is DbUpdateException or SqliteException or NpgsqlException or InvalidOperationException { InnerException: NpgsqlException };
}
