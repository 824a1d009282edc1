using Kitt.Dashboard.Data;
using Kitt.Dashboard.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kitt.Dashboard.Health;

/// <summary>Ready once the start-up steps ran and the background services started; until then, what it is doing.</summary>
public sealed class StartupCheck(StartupWork work) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(work.IsReady ? HealthCheckResult.Healthy("start-up done") : HealthCheckResult.Unhealthy(work.Stage));
}

/// <summary>
/// The database migrated and writable. A success is kept for a few seconds: probes come often, and each check takes
/// the write lock for a moment.
/// </summary>
public sealed class DatabaseWriteCheck(StartupWork work, IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan KeepSuccess = TimeSpan.FromSeconds(5);
    private long lastSuccessTicks;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!work.IsReady)
        {
            return HealthCheckResult.Unhealthy("waiting for the start-up work");
        }

        if (clock.GetUtcNow().UtcTicks - Interlocked.Read(ref lastSuccessTicks) < KeepSuccess.Ticks)
        {
            return HealthCheckResult.Healthy("migrated and writable");
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await StoreProbe.ProblemAsync(db, cancellationToken) is { } problem)
            {
                return HealthCheckResult.Unhealthy(problem);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the database cannot be written: " + ex.GetBaseException().Message);
        }

        Interlocked.Exchange(ref lastSuccessTicks, clock.GetUtcNow().UtcTicks);
        return HealthCheckResult.Healthy("migrated and writable");
    }
}
