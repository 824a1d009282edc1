using Kitt.Dashboard.Health;
using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.Containers;

/// <summary>
/// Resource use of a running container in one sample (absent for stopped containers). Network rates are bytes
/// per second since the previous poll (0 on a container's first sample).
/// </summary>
public sealed record ContainerUsage(
    double CpuPercent,
    long MemoryBytes,
    long MemoryLimitBytes,
    long NetRxBytes,
    long NetTxBytes,
    long BlockReadBytes,
    long BlockWriteBytes,
    long Pids,
    double NetRxBytesPerSecond = 0,
    double NetTxBytesPerSecond = 0)
{
    public double MemoryPercent => ContainerStatsMath.Percent((ulong)MemoryBytes, (ulong)MemoryLimitBytes);
}

/// <summary>One container as the engine lists and inspects it, with its latest usage.</summary>
/// <param name="Health"><c>none</c>, <c>starting</c>, <c>healthy</c> or <c>unhealthy</c>.</param>
public sealed record ContainerRow(
    string Id,
    string Name,
    string Image,
    string State,
    string Status,
    DateTimeOffset Created,
    string Health = "none",
    long RestartCount = 0,
    DateTimeOffset? StartedAt = null,
    ContainerUsage? Usage = null,
    long? ExitCode = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    int ManualRestarts = 0)
{
    /// <summary>
    /// Restarts of every kind: the engine's count (its restart policy) and the restarts asked by hand (from the
    /// dashboard, the CLI, the API) that the dashboard saw as <c>restart</c> events, which the engine does not count.
    /// </summary>
    public long Restarts => RestartCount + ManualRestarts;

    /// <summary>The label Docker Compose puts on each container of a project.</summary>
    public const string ComposeProjectLabel = "com.docker.compose.project";

    /// <summary>The Compose project the container belongs to, if any.</summary>
    public string? ComposeProject => Labels?.GetValueOrDefault(ComposeProjectLabel);
}

/// <summary>
/// Everything the Containers views need from one poll, published on the <c>containers</c> topic: the rows and
/// whether the engine could be read at all, so a grid can say why it is empty.
/// </summary>
public sealed record ContainersSnapshot(
    DateTimeOffset At,
    string Endpoint,
    ComponentStatus SourceStatus,
    string? SourceReason,
    IReadOnlyList<ContainerRow> Containers)
{
    /// <summary>The live topic of container snapshots: the latest one only.</summary>
    public static readonly Topic<ContainersSnapshot> Topic = Realtime.Topic.Snapshot<ContainersSnapshot>("containers");

    public bool SourceAvailable => SourceStatus == ComponentStatus.Running;

    /// <summary>
    /// The previous poll with the containers an engine event changed read again (their usage carried over, not
    /// measured anew), so usage history and minute aggregates count polls only.
    /// </summary>
    public bool FromEvent { get; init; }
}
