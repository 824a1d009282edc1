using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.Containers;

/// <summary>
/// Something the engine did to a container, as its event stream said it the moment it happened: <c>start</c>,
/// <c>die</c>, <c>oom</c>, <c>kill</c>, <c>health_status</c>, <c>restart</c>, <c>destroy</c>.
/// </summary>
/// <param name="MemoryLimitBytes">For <c>oom</c>: the container's memory limit (0 when it has none).</param>
public sealed record ContainerEngineEvent(
    DateTimeOffset At,
    string ContainerId,
    string Name,
    string Action,
    long? ExitCode = null,
    long? MemoryLimitBytes = null)
{
    /// <summary>The live topic of engine events, every one.</summary>
    public static readonly Topic<ContainerEngineEvent> Topic = Realtime.Topic.Events<ContainerEngineEvent>("container-events");

    /// <summary>The actions the dashboard follows; the engine's other container events change nothing it shows.</summary>
    public static readonly IReadOnlySet<string> Followed = new HashSet<string>(
        ["start", "die", "oom", "kill", "health_status", "restart", "destroy", "stop", "pause", "unpause", "create", "rename"],
        StringComparer.Ordinal);
}
