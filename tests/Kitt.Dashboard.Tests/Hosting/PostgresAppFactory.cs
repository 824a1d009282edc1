using Kitt.Dashboard.Tests.Data;

namespace Kitt.Dashboard.Tests.Hosting;

/// <summary>The app as <see cref="DashboardAppFactory"/> starts it, on a database of its own on the run's PostgreSQL cluster.</summary>
public sealed class PostgresAppFactory : DashboardAppFactory
{
    protected override StoreKind Store => StoreKind.Postgres;
}
