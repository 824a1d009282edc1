namespace Kitt.Dashboard.Hosting;

/// <summary>
/// One piece of the work between "listening" and "ready" (migrations, an index upgrade, the first-run seed). Features
/// register their steps with <see cref="StartupSetup.AddStartupStep{T}"/>; they run once, in registration order,
/// before any feature's background service starts.
/// </summary>
public interface IStartupStep
{
    /// <summary>What the step does, as the readiness probe shows it while it runs ("migrating the database").</summary>
    string Stage { get; }

    /// <param name="progress">Takes a finer stage while the step runs, e.g. how far an upgrade has got.</param>
    Task RunAsync(IProgress<string> progress, CancellationToken cancellationToken);
}
