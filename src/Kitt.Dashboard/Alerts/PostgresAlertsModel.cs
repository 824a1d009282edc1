using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts;

/// <summary>What the alert tables add on PostgreSQL: a trigram index over the stored words, for text search.</summary>
public static class PostgresAlertsModel
{
    public const string SearchIndex = "IX_alerts_SearchText_trgm";

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.Entity<Alert>().HasIndex(a => a.SearchText).HasDatabaseName(SearchIndex).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
