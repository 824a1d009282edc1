using Docker.DotNet;
using Docker.DotNet.Models;
using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Containers;

/// <summary>
/// Start, stop and restart, for Operators and Admins; each one is written to the audit log with its outcome, a
/// refusal by the engine included. <c>Docker:AllowActions=false</c> turns them all off.
/// </summary>
public sealed class ContainerActions(IOptions<DockerOptions> options, IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock) : IDisposable
{
    public static readonly IReadOnlyList<string> Names = ["start", "stop", "restart"];

    // A stop gives the container this long to end on SIGTERM before the engine kills it, as `docker stop` does.
    private const int StopGraceSeconds = 10;

    private readonly DockerClient client = new DockerClientConfiguration(
        new Uri(options.Value.Endpoint), defaultTimeout: TimeSpan.FromSeconds(StopGraceSeconds + 20)).CreateClient();

    public bool Allowed => options.Value.AllowActions;

    public async Task<ContainerAuditEntry> RunAsync(string id, string action, string user, CancellationToken cancellationToken)
    {
        if (!Names.Contains(action))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "start, stop or restart");
        }

        if (!Allowed)
        {
            throw new InvalidOperationException("Docker:AllowActions is off: this dashboard only watches.");
        }

        var entry = new ContainerAuditEntry { At = clock.GetUtcNow(), User = user, ContainerId = id, ContainerName = id, Action = action, Result = "failed" };
        try
        {
            var inspected = await client.Containers.InspectContainerAsync(id, cancellationToken);
            (entry.ContainerId, entry.ContainerName) = (inspected.ID, inspected.Name.TrimStart('/'));
            var changed = action switch
            {
                "start" => await client.Containers.StartContainerAsync(inspected.ID, new ContainerStartParameters(), cancellationToken),
                "stop" => await client.Containers.StopContainerAsync(inspected.ID, new ContainerStopParameters { WaitBeforeKillSeconds = StopGraceSeconds }, cancellationToken),
                _ => await RestartAsync(inspected.ID, cancellationToken),
            };
            entry.Result = changed ? "done" : "unchanged";
        }
        catch (DockerContainerNotFoundException)
        {
            entry.Result = "not-found";
            entry.Error = $"No container '{id}' on the engine.";
        }
        catch (Exception ex) when (ex is DockerApiException or HttpRequestException or IOException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var error = ex is DockerApiException api ? api.ResponseBody.Trim() : ex.GetBaseException().Message;
            entry.Error = error.Length > 2000 ? error[..2000] : error;
        }

        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.Add(entry);
        await db.SaveChangesAsync(CancellationToken.None);
        return entry;
    }

    /// <summary>The audit log, newest first.</summary>
    public async Task<IReadOnlyList<ContainerAuditEntry>> AuditAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ContainerAuditEntry>().AsNoTracking().OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);
    }

    public void Dispose() => client.Dispose();

    private async Task<bool> RestartAsync(string id, CancellationToken cancellationToken)
    {
        await client.Containers.RestartContainerAsync(id, new ContainerRestartParameters { WaitBeforeKillSeconds = StopGraceSeconds }, cancellationToken);
        return true;
    }
}
