using Kitt.Dashboard.Containers;
using Kitt.Dashboard.HostMetrics;

namespace Kitt.Dashboard.Alerts.Rules;

/// <summary>Readings the dashboard takes from its store for rules: the packing queue and the outbox.</summary>
public readonly record struct Backlog(int QueuedShipments, int OutboxWaiting);

/// <summary>
/// Judges samples by the rules in force and keeps what counted signals need: each container's restarts as they
/// changed, and the times packing jobs failed. Builds a condition only for a value past its threshold or a key
/// already pending or firing; a quiet value of a quiet key changes nothing (<see cref="AlertTracker.Watches"/>).
/// One evaluator per alert-manager loop: not thread-safe.
/// </summary>
internal sealed class RuleEvaluator(AlertTracker tracker)
{
    private readonly Dictionary<string, RestartHistory> restarts = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> packingFailures = new();

    public IEnumerable<AlertCondition> Host(HostSample m, RuleSet rules)
    {
        foreach (var rule in rules.Host)
        {
            var value = rule.Rule.Signal switch
            {
                RuleSignal.CpuPercent => m.CpuPercent,
                RuleSignal.MemoryPercent => m.MemoryPercent,
                RuleSignal.MemoryBytes => m.MemoryUsedBytes,
                _ => m.DiskPercent,
            };
            if (Judge(rule, "host", value) is { } condition)
            {
                yield return condition;
            }
        }
    }

    public List<AlertCondition> Containers(ContainersSnapshot snapshot, RuleSet rules)
    {
        var conditions = new List<AlertCondition>();
        if (rules.Container.Count == 0)
        {
            return conditions;
        }

        foreach (var c in snapshot.Containers)
        {
            var history = rules.Counts ? Restarts(c, snapshot.At) : null;
            foreach (var rule in rules.For(c))
            {
                double? value = (rule.Rule.Signal, c.Usage) switch
                {
                    (RuleSignal.Restarts, _) => history?.Since(snapshot.At - rule.Window, c.Restarts),
                    (_, null) => null, // a stopped container uses nothing: its usage alerts resolve
                    (RuleSignal.CpuPercent, { } u) => u.CpuPercent,
                    (RuleSignal.MemoryPercent, { } u) => u.MemoryPercent,
                    (RuleSignal.MemoryBytes, { } u) => u.MemoryBytes,
                    (_, { } u) => u.NetRxBytesPerSecond + u.NetTxBytesPerSecond,
                };
                if (value is { } v && Judge(rule, c.Name, v) is { } condition)
                {
                    conditions.Add(condition);
                }
            }
        }

        if (rules.Counts)
        {
            Forget(snapshot, rules);
        }

        return conditions;
    }

    /// <summary>A packing job failed: counted for the failure rules' windows.</summary>
    public void PackingFailed(DateTimeOffset at) => packingFailures.Enqueue(at);

    /// <param name="backlog">The queue as last read; null (not read, or not with this sample): queue rules are not judged.</param>
    public IEnumerable<AlertCondition> Packing(DateTimeOffset now, Backlog? backlog, RuleSet rules)
    {
        var longest = rules.Packing.Select(r => r.Window).DefaultIfEmpty().Max();
        while (packingFailures.TryPeek(out var at) && now - at > longest)
        {
            packingFailures.Dequeue();
        }

        foreach (var rule in rules.Packing)
        {
            double? value = rule.Rule.Signal == RuleSignal.QueueDepth ? backlog?.QueuedShipments : packingFailures.Count(at => now - at <= rule.Window);
            if (value is { } v && Judge(rule, "packing", v) is { } condition)
            {
                yield return condition;
            }
        }
    }

    public IEnumerable<AlertCondition> Sources(ErrorRateSample errors, Backlog? backlog, RuleSet rules)
    {
        foreach (var rule in rules.Sources)
        {
            var (source, value) = rule.Rule.Signal == RuleSignal.ErrorRate ? (errors.Source, errors.Percent) : ("outbox", (double?)backlog?.OutboxWaiting);
            if (value is { } v && Judge(rule, source, v) is { } condition)
            {
                yield return condition;
            }
        }
    }

    private AlertCondition? Judge(CompiledRule rule, string source, double value)
    {
        var breaches = rule.Breaches(value);
        if (!breaches && !tracker.Watches(AlertCondition.KeyOf(rule.Rule.Name, source)))
        {
            return null;
        }

        return rule.Judge(source, value, Subject(rule, source));
    }

    private static string Subject(CompiledRule rule, string source) => rule.Rule.Scope switch
    {
        RuleScope.Host => $"Host {rule.Info.Label.ToLowerInvariant()}",
        RuleScope.Packing => rule.Info.Label,
        _ => $"{rule.Info.Label} of {source}",
    };

    private RestartHistory Restarts(ContainerRow c, DateTimeOffset at)
    {
        if (!restarts.TryGetValue(c.Name, out var history))
        {
            restarts[c.Name] = history = new RestartHistory();
        }

        history.Saw(at, c.Restarts);
        return history;
    }

    // Containers gone from the poll are forgotten; the rest keep what their longest window needs.
    private void Forget(ContainersSnapshot snapshot, RuleSet rules)
    {
        var longest = rules.Container.Select(r => r.Window).DefaultIfEmpty().Max();
        if (restarts.Count > snapshot.Containers.Count)
        {
            var present = snapshot.Containers.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var name in restarts.Keys.Where(n => !present.Contains(n)).ToList())
            {
                restarts.Remove(name);
            }
        }

        foreach (var history in restarts.Values)
        {
            history.Prune(snapshot.At - longest);
        }
    }

    /// <summary>A container's restart count as it changed: the first reading, then one entry per change.</summary>
    private sealed class RestartHistory
    {
        private readonly List<(DateTimeOffset At, long Restarts)> changes = [];

        public void Saw(DateTimeOffset at, long count)
        {
            if (changes.Count == 0 || changes[^1].Restarts != count)
            {
                changes.Add((at, count));
            }
        }

        /// <summary>Restarts since <paramref name="from"/>: the count now less the count then (or at the first reading).</summary>
        public double Since(DateTimeOffset from, long now)
        {
            var then = changes[0].Restarts;
            foreach (var (at, count) in changes)
            {
                if (at > from)
                {
                    break;
                }

                then = count;
            }

            return Math.Max(0, now - then); // a container made anew under the same name starts counting again
        }

        /// <summary>Keeps the last change at or before <paramref name="from"/> (the count then) and all after it.</summary>
        public void Prune(DateTimeOffset from)
        {
            var keepFrom = changes.FindLastIndex(c => c.At <= from);
            if (keepFrom > 0)
            {
                changes.RemoveRange(0, keepFrom);
            }
        }
    }
}
