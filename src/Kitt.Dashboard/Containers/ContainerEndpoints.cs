using Kitt.Dashboard.Health;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.Security;

namespace Kitt.Dashboard.Containers;

/// <summary>One row of <c>GET /api/containers</c>; stopped containers have no usage figures (null).</summary>
public sealed record ContainerApiRow(
    string Id,
    string Name,
    string Image,
    string State,
    string Status,
    string Health,
    long RestartCount,
    DateTimeOffset? StartedAt,
    double? CpuPercent,
    long? MemoryBytes,
    long? MemoryLimitBytes,
    double? MemoryPercent,
    long? NetRxBytes,
    long? NetTxBytes,
    long? BlockReadBytes,
    long? BlockWriteBytes,
    long? Pids,
    long? ExitCode,
    string? ComposeProject,
    IReadOnlyDictionary<string, string> Labels,
    int ManualRestarts)
{
    public static ContainerApiRow From(ContainerRow row) => new(
        row.Id, row.Name, row.Image, row.State, row.Status, row.Health, row.RestartCount, row.StartedAt,
        row.Usage?.CpuPercent, row.Usage?.MemoryBytes, row.Usage?.MemoryLimitBytes, row.Usage?.MemoryPercent,
        row.Usage?.NetRxBytes, row.Usage?.NetTxBytes, row.Usage?.BlockReadBytes, row.Usage?.BlockWriteBytes, row.Usage?.Pids,
        row.ExitCode, row.ComposeProject, row.Labels ?? new Dictionary<string, string>(), row.ManualRestarts);
}

public sealed record ContainerSourceState(string Endpoint, string Status, string? Reason, DateTimeOffset? At);

public sealed record ContainersResponse(ContainerSourceState Source, IReadOnlyList<ContainerApiRow> Items);

public static class ContainerEndpoints
{
    public static IEndpointRouteBuilder MapContainers(this IEndpointRouteBuilder endpoints)
    {
        // The latest poll, as the Containers page shows it; `source` says why the list is empty when it is.
        endpoints.MapGet("/api/containers", (ITopicHub hub, Microsoft.Extensions.Options.IOptions<DockerOptions> docker) =>
        {
            if (!hub.TryGetLatest(ContainersSnapshot.Topic, out var snapshot))
            {
                return Results.Json(new ContainersResponse(new ContainerSourceState(docker.Value.Endpoint, "starting", null, null), []));
            }

            return Results.Json(new ContainersResponse(
                new ContainerSourceState(snapshot.Endpoint, snapshot.SourceStatus.WireName(), snapshot.SourceReason, snapshot.At),
                [.. snapshot.Containers.Select(ContainerApiRow.From)]));
        }).RequireAuthorization(Policies.Operate)
        .WithTags("Containers").WithName("ListContainers").WithSummary("The containers as the latest poll saw them")
        .Produces<ContainersResponse>();

        // Usage over the last `minutes`: up to 15 from the polls kept in memory, up to 7 days from stored minutes.
        endpoints.MapGet("/api/containers/{id}/history", async (string id, int? minutes, UsageHistory history, CancellationToken ct) =>
        {
            var span = minutes ?? UsageHistory.RecentMinutes;
            if (span is < 1 or > UsageHistory.MaxMinutes)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["minutes"] = [$"minutes must be between 1 and {UsageHistory.MaxMinutes} (7 days)."],
                });
            }

            return await history.GetAsync(id, span, ct) is { } series
                ? Results.Json(series)
                : Results.Problem($"No usage is known for container '{id}' in the last {span} minutes.", statusCode: StatusCodes.Status404NotFound);
        }).RequireAuthorization(Policies.Operate)
        .WithTags("Containers").WithName("GetContainerHistory")
        .WithSummary($"A container's usage over the last minutes (1 to {UsageHistory.MaxMinutes}, {UsageHistory.RecentMinutes} when left out)")
        .Produces<UsageSeries>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapContainerLogs();
        endpoints.MapContainerActions();
        return endpoints;
    }
}
