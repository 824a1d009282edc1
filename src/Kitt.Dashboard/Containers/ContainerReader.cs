using System.Collections.Concurrent;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Kitt.Dashboard.Containers;

/// <summary>
/// Reads one poll's worth of containers: list, then inspect and usage in parallel, bounded. Usage is the latest
/// sample of the container's stats stream (<see cref="StatsStreams"/>), or a one-shot request (<c>stream=false</c>)
/// until the stream has one. CPU is the docker CLI's formula. Keep one reader across polls.
/// </summary>
internal sealed class ContainerReader(DockerClient client, HttpClient engine) : IDisposable
{
    // One-shot requests wait for the engine's next stats tick (about a second); those queued behind a small bound
    // would each wait a tick of their own (50 new containers behind a bound of 8: 7 s).
    private const int Parallelism = 64;

    private readonly ConcurrentDictionary<string, CpuCounters> previous = new(StringComparer.Ordinal);
    private readonly StatsStreams streams = new(engine);

    public int OpenStreams => streams.Open;

    public async Task<IReadOnlyList<ContainerRow>> ReadAsync(CancellationToken cancellationToken)
    {
        var listed = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true }, cancellationToken);
        var running = listed.Where(c => c.State == "running").Select(c => c.ID).ToHashSet(StringComparer.Ordinal);
        streams.Keep(running);
        foreach (var gone in previous.Keys.Where(id => !running.Contains(id)))
        {
            previous.TryRemove(gone, out _);
        }

        var rows = new ContainerRow[listed.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, listed.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, token) => rows[i] = await ReadOneAsync(listed[i], token));
        return [.. rows.OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// One container now, as an engine event changed it: listed and inspected, without asking for usage (a fresh
    /// stats sample takes the engine a second), with its memory limit (0: none). Null when it is gone.
    /// </summary>
    public async Task<(ContainerRow Row, long MemoryLimitBytes)?> ReadByIdAsync(string id, CancellationToken cancellationToken)
    {
        var listed = await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["id"] = new Dictionary<string, bool> { [id] = true } },
        }, cancellationToken);
        if (listed.FirstOrDefault(c => c.ID == id) is not { } one)
        {
            return null;
        }

        var (row, limit) = await ReadOneAsync(one, withUsage: false, cancellationToken);
        return (row, limit);
    }

    private async Task<ContainerRow> ReadOneAsync(ContainerListResponse listed, CancellationToken token) =>
        (await ReadOneAsync(listed, withUsage: true, token)).Row;

    private async Task<(ContainerRow Row, long MemoryLimitBytes)> ReadOneAsync(ContainerListResponse listed, bool withUsage, CancellationToken token)
    {
        var row = new ContainerRow(
            listed.ID,
            listed.Names.FirstOrDefault()?.TrimStart('/') ?? listed.ID[..Math.Min(12, listed.ID.Length)],
            listed.Image,
            listed.State,
            listed.Status,
            new DateTimeOffset(listed.Created.ToUniversalTime(), TimeSpan.Zero),
            Labels: listed.Labels is { Count: > 0 } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : null);
        long limit = 0;
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
            limit = inspected.HostConfig?.Memory ?? 0;
            if (withUsage && listed.State == "running")
            {
                row = row with { Usage = await UsageAsync(listed.ID, token) };
            }
        }
        catch (DockerContainerNotFoundException)
        {
            // Removed between the list and the inspect: it leaves with the next poll.
        }

        return (row, limit);
    }

    private async Task<ContainerUsage?> UsageAsync(string id, CancellationToken token)
    {
        if ((streams.Latest(id) ?? await streams.OneShotAsync(id, token)) is not { } s)
        {
            return null;
        }

        var now = new CpuCounters(s.CpuStats?.CpuUsage?.TotalUsage ?? 0, s.CpuStats?.SystemCpuUsage ?? 0);
        // A streamed sample carries the engine's previous one, as `docker stats` uses it; a one-shot sample has none,
        // so our last poll is its base, and a container's first poll shows 0 rather than its average since start.
        var before = s.PrecpuStats is { SystemCpuUsage: > 0 } pre
            ? new CpuCounters(pre.CpuUsage?.TotalUsage ?? 0, pre.SystemCpuUsage)
            : previous.TryGetValue(id, out var last) ? last : now;
        previous[id] = now;
        var cpu = ContainerStatsMath.CpuPercent(
            now.Total,
            before.Total,
            now.System,
            before.System,
            s.CpuStats?.OnlineCpus ?? 0,
            s.CpuStats?.CpuUsage?.PercpuUsage?.Count ?? 0);
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

    public void Dispose() => streams.Dispose();

    private readonly record struct CpuCounters(ulong Total, ulong System);
}
