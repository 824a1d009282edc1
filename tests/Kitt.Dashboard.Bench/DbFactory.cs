using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Bench;

/// <summary>Contexts over one database of either provider, as the app's factory makes them.</summary>
internal sealed class DbFactory : IDbContextFactory<KittDbContext>
{
    private readonly StoreProvider provider;
    private readonly DbContextOptions<KittDbContext> options;

    public DbFactory(StoreProvider provider, string connectionString)
    {
        this.provider = provider;
        var builder = new DbContextOptionsBuilder<KittDbContext>();
        provider.Configure(builder, connectionString);
        options = builder.Options;
    }

    public KittDbContext CreateDbContext() => provider.Create(options);
}
