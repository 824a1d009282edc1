using Kitt.Dashboard.Hosting;

namespace Kitt.Dashboard.Data;

/// <summary>The store's start-up step: migrations, WAL, and the word index of alerts stored before search kept it.</summary>
public sealed class DatabasePreparation(IServiceProvider services) : IStartupStep
{
    public string Stage => "migrating the database";

    public Task RunAsync(IProgress<string> progress, CancellationToken cancellationToken) =>
        services.PrepareDatabaseAsync(progress, cancellationToken);
}
