using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kitt.Dashboard.Data.Postgres;

/// <summary>For <c>dotnet ef migrations add … --context PostgresKittDbContext</c>: a model needs no server to be compared.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKittDbContext>
{
    public PostgresKittDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<KittDbContext>().UseNpgsql("Host=localhost;Database=kitt").Options);
}
