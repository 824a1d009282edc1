using Kitt.Dashboard.Data;
using Kitt.Dashboard.Hosting;

namespace Kitt.Dashboard.Security;

/// <summary>
/// Security's start-up step: the roles, the first admin and the bootstrap key, once the tables exist; one instance
/// at a time where instances share the database, so two starting together never both create the admin.
/// </summary>
public sealed class SecuritySeedStep(IServiceProvider services, StoreProvider store, IConfiguration configuration) : IStartupStep
{
    public string Stage => "creating the roles and the first admin";

    public Task RunAsync(IProgress<string> progress, CancellationToken cancellationToken) =>
        store.ExclusiveAsync(DatabaseSetup.ConnectionString(configuration), services.SeedSecurityAsync, cancellationToken);
}
