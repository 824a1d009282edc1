using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Kitt.Dashboard.Health;

/// <summary>Where background services say how they are doing; /health and the UI read it.</summary>
public sealed class ComponentStates(TimeProvider clock, ILogger<ComponentStates> logger)
{
    public const string Database = "database";
    public const string Docker = "docker";
    public const string DockerEvents = "docker-events";
    public const string EventBus = "event-bus";
    public const string HostMetrics = "host-metrics";

    private readonly ConcurrentDictionary<string, ComponentState> states = new(StringComparer.Ordinal);

    // Transitions wait here for the recorder; bounded so a dead database can't grow memory without end.
    private readonly Channel<ComponentState> transitions = Channel.CreateBounded<ComponentState>(
        new BoundedChannelOptions(512) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<ComponentState> Transitions => transitions.Reader;

    public void Report(string name, ComponentStatus status, string? reason = null)
    {
        var next = new ComponentState(name, status, reason, clock.GetUtcNow());
        var stored = states.AddOrUpdate(name, next, (_, old) => old.Status == status && old.Reason == reason ? old : next);
        if (!ReferenceEquals(stored, next))
        {
            return;
        }

        transitions.Writer.TryWrite(next);

        // Logged once per transition, not per poll, so a broken source doesn't flood the log.
        var level = status is ComponentStatus.Running or ComponentStatus.Starting or ComponentStatus.Disabled
            ? LogLevel.Information
            : LogLevel.Warning;
        logger.Log(level, "Component {Component} is {Status}{Reason}", name, status, reason is null ? "" : ": " + reason);
    }

    public ComponentState? Get(string name) => states.TryGetValue(name, out var state) ? state : null;

    public IReadOnlyList<ComponentState> All() => [.. states.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];
}
