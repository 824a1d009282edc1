using System.Globalization;

namespace Kitt.Dashboard.Alerts.Rules;

/// <summary>What a rule watches.</summary>
public enum RuleScope
{
    /// <summary>The machine the dashboard runs on.</summary>
    Host,

    /// <summary>Every container, or those whose name, image or labels match the rule's <c>match</c>.</summary>
    Containers,

    /// <summary>The packing worker and its queue.</summary>
    Packing,

    /// <summary>A source the dashboard reads or feeds: <c>api</c> (its requests) or <c>outbox</c> (events for Kafka).</summary>
    Source,
}

/// <summary>What a rule measures.</summary>
public enum RuleSignal
{
    CpuPercent,
    MemoryPercent,
    MemoryBytes,
    DiskPercent,
    Restarts,
    NetworkRate,
    ErrorRate,
    PackingFailures,
    QueueDepth,
    OutboxWaiting,
}

/// <summary>
/// Each signal's wire name, where it is measured, and how its values read. A rule may pair a scope only with the
/// signals measured there: CPU of a packing queue means nothing, and the editor offers only what fits.
/// </summary>
public sealed record SignalInfo(RuleSignal Signal, string Name, string Label, string Unit, bool Windowed, IReadOnlyList<RuleScope> Scopes, string? Source = null)
{
    public static readonly IReadOnlyList<SignalInfo> All =
    [
        new(RuleSignal.CpuPercent, "cpu_percent", "CPU", "%", false, [RuleScope.Host, RuleScope.Containers]),
        new(RuleSignal.MemoryPercent, "memory_percent", "Memory", "%", false, [RuleScope.Host, RuleScope.Containers]),
        new(RuleSignal.MemoryBytes, "memory_bytes", "Memory used", "bytes", false, [RuleScope.Host, RuleScope.Containers]),
        new(RuleSignal.DiskPercent, "disk_percent", "Disk", "%", false, [RuleScope.Host]),
        new(RuleSignal.Restarts, "restarts", "Restarts", "restarts", true, [RuleScope.Containers]),
        new(RuleSignal.NetworkRate, "network_rate", "Network", "bytes/s", false, [RuleScope.Containers]),
        new(RuleSignal.ErrorRate, "error_rate", "Error rate", "%", false, [RuleScope.Source], "api"),
        new(RuleSignal.PackingFailures, "packing_failures", "Packing failures", "failures", true, [RuleScope.Packing]),
        new(RuleSignal.QueueDepth, "queue_depth", "Queued shipments", "shipments", false, [RuleScope.Packing]),
        new(RuleSignal.OutboxWaiting, "outbox_waiting", "Events waiting in the outbox", "events", false, [RuleScope.Source], "outbox"),
    ];

    private static readonly Dictionary<string, SignalInfo> ByName = All.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static SignalInfo Of(RuleSignal signal) => All[(int)signal];

    public static SignalInfo? Find(string? name) => name is not null && ByName.TryGetValue(name, out var info) ? info : null;

    /// <summary>A value as people read it: 91.2 %, 1.5 GiB, 3 restarts.</summary>
    public string Format(double value) => Unit switch
    {
        "%" => $"{value.ToString("0.0", CultureInfo.InvariantCulture)} %",
        "bytes" => Components.Shell.Format.Bytes((long)value),
        "bytes/s" => $"{Components.Shell.Format.Bytes((long)value)}/s",
        _ => $"{value.ToString("0.##", CultureInfo.InvariantCulture)} {Unit}",
    };
}

/// <summary>How a rule compares its signal with its threshold.</summary>
public enum RuleOperator
{
    Above,
    AtLeast,
    Below,
    AtMost,
}

public static class RuleOperators
{
    public static readonly IReadOnlyList<(RuleOperator Operator, string Text)> All =
        [(RuleOperator.Above, ">"), (RuleOperator.AtLeast, ">="), (RuleOperator.Below, "<"), (RuleOperator.AtMost, "<=")];

    public static string Text(this RuleOperator op) => All[(int)op].Text;

    public static RuleOperator? Parse(string? text) => All.FirstOrDefault(o => o.Text == text?.Trim()) is { Text: not null } found ? found.Operator : null;

    /// <summary>Alerts that fire as the value falls (free disk, a queue that stopped) resolve as it rises again.</summary>
    public static bool IsBelow(this RuleOperator op) => op is RuleOperator.Below or RuleOperator.AtMost;
}
