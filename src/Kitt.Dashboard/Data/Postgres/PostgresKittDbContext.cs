using Kitt.Dashboard.Alerts;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Data.Postgres;

/// <summary>
/// The same model on PostgreSQL. A type of its own, so its migrations (in <c>Data/Postgres/Migrations</c>) are told
/// apart from SQLite's; it adds only what PostgreSQL indexes differently.
/// </summary>
public sealed class PostgresKittDbContext(DbContextOptions<KittDbContext> options) : KittDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        PostgresAlertsModel.Configure(modelBuilder);
    }
}
