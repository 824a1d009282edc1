using Kitt.Dashboard.Hosting;

namespace Kitt.Dashboard.Security;

/// <summary>Security's start-up step: the roles, the first admin and the bootstrap key, once the tables exist.</summary>
public sealed class SecuritySeedStep(IServiceProvider services) : IStartupStep
{
    public string Stage => "creating the roles and the first admin";

    public Task RunAsync(IProgress<string> progress, CancellationToken cancellationToken) =>
        services.SeedSecurityAsync(cancellationToken);
}
