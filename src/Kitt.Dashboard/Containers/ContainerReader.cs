using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Kitt.Dashboard.Containers;

/// <summary>Reads one poll's worth of containers: list, then inspect and stats in parallel, bounded.</summary>
public sealed class ContainerReader(DockerClient client)
{
    private const int Parallelism = 8;

    public async Task<IReadOnlyList<ContainerRow>> ReadAsync(CancellationToken cancellationToken)
    {
        var listed = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true }, cancellationToken);
        var rows = new ContainerRow[listed.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, listed.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, token) => rows[i] = await ReadOneAsync(listed[i], token));
        return [.. rows.OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    private async Task<ContainerRow> ReadOneAsync(ContainerListResponse listed, CancellationToken token)
    {
        var row = new ContainerRow(
            listed.ID,
            listed.Names.FirstOrDefault()?.TrimStart('/') ?? listed.ID[..Math.Min(12, listed.ID.Length)],
            listed.Image,
            listed.State,
            listed.Status,
            new DateTimeOffset(listed.Created.ToUniversalTime(), TimeSpan.Zero));
        try
        {
            var inspected = await client.Containers.InspectContainerAsync(listed.ID, token);
            row = row with
            {
                Health = inspected.State?.Health?.Status is { Length: > 0 } health ? health : "none",
                RestartCount = inspected.RestartCount,
                StartedAt = inspected.State?.Running == true && DateTimeOffset.TryParse(inspected.State.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started)
                    ? started
                    : null,
                ExitCode = inspected.State is { Running: false } state && listed.State is "exited" or "dead" ? state.ExitCode : null,
            };
            if (listed.State == "running")
            {
                row = row with { Usage = await UsageAsync(listed.ID, token) };
            }
        }
        catch (DockerContainerNotFoundException)
        {
            // Removed between the list and the inspect: it leaves with the next poll.
        }

        return row;
    }

    private async Task<ContainerUsage?> UsageAsync(string id, CancellationToken token)
    {
        var sample = new LastReport<ContainerStatsResponse>();
        await client.Containers.GetContainerStatsAsync(id, new ContainerStatsParameters { Stream = false }, sample, token);
        if (sample.Value is not { } s)
        {
            return null;
        }

        var cpu = ContainerStatsMath.CpuPercent(
            s.CPUStats?.CPUUsage?.TotalUsage ?? 0,
            s.PreCPUStats?.CPUUsage?.TotalUsage ?? 0,
            s.CPUStats?.SystemUsage ?? 0,
            s.PreCPUStats?.SystemUsage ?? 0,
            s.CPUStats?.OnlineCPUs ?? 0,
            s.CPUStats?.CPUUsage?.PercpuUsage?.Count ?? 0);
        var networks = s.Networks?.Values ?? [];
        var io = s.BlkioStats?.IoServiceBytesRecursive ?? [];
        return new ContainerUsage(
            Math.Round(cpu, 2),
            (long)ContainerStatsMath.MemoryUsed(s.MemoryStats?.Usage ?? 0, s.MemoryStats?.Stats),
            (long)(s.MemoryStats?.Limit ?? 0),
            (long)networks.Aggregate(0UL, (sum, n) => sum + n.RxBytes),
            (long)networks.Aggregate(0UL, (sum, n) => sum + n.TxBytes),
            (long)io.Where(e => string.Equals(e.Op, "read", StringComparison.OrdinalIgnoreCase)).Aggregate(0UL, (sum, e) => sum + e.Value),
            (long)io.Where(e => string.Equals(e.Op, "write", StringComparison.OrdinalIgnoreCase)).Aggregate(0UL, (sum, e) => sum + e.Value),
            (long)(s.PidsStats?.Current ?? 0));
    }

    /// <summary>Keeps the report synchronously (Progress&lt;T&gt; would post it later, after the call returned).</summary>
    private sealed class LastReport<T> : IProgress<T>
    {
        public T? Value { get; private set; }

        public void Report(T value) => Value = value;
    }
}
