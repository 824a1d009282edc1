using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Bench;

/// <summary>Contexts over one SQLite file, as the app's factory makes them.</summary>
internal sealed class DbFactory(DbContextOptions<KittDbContext> options) : IDbContextFactory<KittDbContext>
{
    public KittDbContext CreateDbContext() => new(options);
}
