using Kitt.Dashboard.Data;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Health;

public sealed record ComponentHealth(string Name, string State, string? Reason, DateTimeOffset Since);

/// <param name="Status"><c>healthy</c>, <c>degraded</c> (a source is down, the dashboard still works), <c>starting</c>
/// (the start-up work runs: migrations, an upgrade) or <c>unhealthy</c>.</param>
public sealed record HealthReport(string Status, DateTimeOffset CheckedAt, IReadOnlyList<ComponentHealth> Components)
{
    [JsonIgnore]
    public bool IsUnhealthy => Status is "unhealthy" or "starting";

    /// <summary>Checks the database now and folds in what every background service last reported.</summary>
    /// <param name="starting">What the start-up work is doing while it runs; null once it is done.</param>
    public static async Task<HealthReport> CheckAsync(
        string? starting,
        ComponentStates states,
        IDbContextFactory<KittDbContext> dbFactory,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (starting is not null)
        {
            var now = clock.GetUtcNow();
            return new HealthReport("starting", now, [new ComponentHealth("startup", ComponentStatus.Starting.WireName(), starting, now)]);
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var reachable = await db.Database.CanConnectAsync(cancellationToken);
            if (!reachable)
            {
                states.Report(ComponentStates.Database, ComponentStatus.Unavailable, "the SQLite file cannot be opened");
            }
            else if (states.Get(ComponentStates.Database) is not { Status: ComponentStatus.Degraded })
            {
                states.Report(ComponentStates.Database, ComponentStatus.Running);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            states.Report(ComponentStates.Database, ComponentStatus.Unavailable, ex.GetBaseException().Message);
        }

        // One read of the states, so the overall verdict and the list can't disagree.
        var all = states.All();
        var components = all.Select(s => new ComponentHealth(s.Name, s.Status.WireName(), s.Reason, s.Since)).ToList();
        return new HealthReport(Overall(all), clock.GetUtcNow(), components);
    }

    private static string Overall(IReadOnlyList<ComponentState> all)
    {
        if (all.Any(s => s.Name == ComponentStates.Database && s.Status == ComponentStatus.Unavailable))
        {
            return "unhealthy";
        }

        return all.Any(s => s.Status is ComponentStatus.Degraded or ComponentStatus.Unavailable) ? "degraded" : "healthy";
    }
}
