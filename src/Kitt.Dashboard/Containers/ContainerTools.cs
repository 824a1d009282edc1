using System.ComponentModel;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Mcp;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace Kitt.Dashboard.Containers;

/// <summary>
/// The latest poll of the Docker engine. <c>Available</c> is false and <c>Note</c> says why when the engine could
/// not be read or has not been polled yet, so an empty list is never mistaken for "no containers".
/// </summary>
public sealed record ContainerStats(bool Available, string? Note, ContainerSourceState Source, int Count, IReadOnlyList<ContainerApiRow> Items);

[McpServerToolType]
public sealed class ContainerTools(ITopicHub hub, IOptions<DockerOptions> docker)
{
    [McpServerTool(Name = "get_container_stats", ReadOnly = true, OpenWorld = false)]
    [Authorize(Policy = Policies.Operate)]
    [Description("Containers of the Docker engine as last polled, with CPU %, memory (bytes, limit, %), network and block I/O " +
        "byte counters and process count; stopped containers have no figures. Says when the engine is unavailable.")]
    public ContainerStats GetContainerStats(
        [Description("A container's name (or id prefix) to return only that one; every container when left out.")]
        string? name = null)
    {
        if (!hub.TryGetLatest(ContainersSnapshot.Topic, out var snapshot))
        {
            return new ContainerStats(false, "No poll of the Docker engine has finished yet; try again in a few seconds.",
                new ContainerSourceState(docker.Value.Endpoint, "starting", null, null), 0, []);
        }

        var source = new ContainerSourceState(snapshot.Endpoint, snapshot.SourceStatus.WireName(), snapshot.SourceReason, snapshot.At);
        var note = snapshot.SourceAvailable ? null : $"The Docker engine is {source.Status}: {snapshot.SourceReason ?? "no reason given"}.";
        var rows = snapshot.Containers;
        if (!string.IsNullOrWhiteSpace(name))
        {
            var wanted = name.Trim().TrimStart('/');
            rows = [.. rows.Where(r => string.Equals(r.Name.TrimStart('/'), wanted, StringComparison.OrdinalIgnoreCase))];
            if (rows.Count == 0)
            {
                rows = wanted.Length >= 4 ? [.. snapshot.Containers.Where(r => r.Id.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))] : [];
            }

            if (rows.Count == 0)
            {
                throw ToolErrors.NotFound("name", $"no container is named '{wanted}'" +
                    (snapshot.SourceAvailable ? $" ({snapshot.Containers.Count} containers known)" : "; " + note));
            }
        }

        return new ContainerStats(snapshot.SourceAvailable, note, source, rows.Count, [.. rows.Select(ContainerApiRow.From)]);
    }
}
