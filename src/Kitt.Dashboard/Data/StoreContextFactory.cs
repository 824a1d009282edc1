using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Data;

/// <summary>Creates contexts of the configured provider's type, so each provider finds its own migrations.</summary>
internal sealed class StoreContextFactory(DbContextOptions<KittDbContext> options, StoreProvider provider) : IDbContextFactory<KittDbContext>
{
    public KittDbContext CreateDbContext() => provider.Create(options);
}
