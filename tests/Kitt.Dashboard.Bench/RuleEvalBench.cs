using System.Diagnostics;
using System.Globalization;
using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Alerts.Rules;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// What judging one container poll costs with many rules: the defaults plus generated rules (a tenth over every
/// container, most scoped to containers by exact name, name pattern, image or label, the rest on the host, the
/// packing worker and the sources), over every container, through the tracker's state machine, as the alert-manager
/// does per poll. The baseline in the same run judges every container rule against every container (its selector
/// tested each time) and builds every condition: the cost the index and the quiet-key skip avoid.
/// </summary>
internal static class RuleEvalBench
{
    public static int Run(int ruleCount, int containers, int polls)
    {
        var rules = Rules(ruleCount);
        var set = new RuleSet(rules);
        var indexed = new Measure("indexed");
        var naive = new Measure("every rule × every container");
        var random = new Random(5);
        var trackerA = new AlertTracker(TimeProvider.System);
        var trackerB = new AlertTracker(TimeProvider.System);
        var evaluator = new RuleEvaluator(trackerA);
        var compiled = set.Container.ToArray();
        for (var i = 0; i < polls; i++)
        {
            var snapshot = Poll(containers, random);
            indexed.Time(() =>
            {
                var conditions = AlertRules.Containers(snapshot, evaluator.Containers(snapshot, set));
                trackerA.Evaluate("containers", conditions);
                return conditions.Count;
            });
            naive.Time(() =>
            {
                var conditions = new List<AlertCondition>();
                foreach (var c in snapshot.Containers)
                {
                    foreach (var rule in compiled)
                    {
                        if (c.Usage is { } u && (rule.Selector is null || rule.Selector.Matches(c)))
                        {
                            var value = rule.Rule.Signal == RuleSignal.CpuPercent ? u.CpuPercent : u.MemoryPercent;
                            conditions.Add(rule.Judge(c.Name, value, $"{rule.Info.Label} of {c.Name}"));
                        }
                    }
                }

                trackerB.Evaluate("containers", AlertRules.Containers(snapshot, conditions));
                return conditions.Count;
            });
        }

        var applying = Poll(containers, new Random(5)).Containers.Sum(c => set.For(c).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rule evaluation, {rules.Count} rules ({set.Container.Count} on containers), {containers} containers, {applying} rule-container pairs apply, {polls} polls"));
        indexed.Print(polls);
        naive.Print(polls);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio: baseline median / indexed median = {naive.Median / indexed.Median:0.0}×"));
        return 0;
    }

    /// <summary>The defaults and <paramref name="count"/> less five generated rules, from a fixed seed.</summary>
    private static List<AlertRule> Rules(int count)
    {
        var random = new Random(11);
        var rules = DefaultRules.For(new AlertThresholdValues(80, 85, 5)).ToList();
        for (var i = rules.Count; i < count; i++)
        {
            var kind = random.Next(100);
            var (scope, match) = kind switch
            {
                < 10 => (RuleScope.Containers, (string?)null),
                < 50 => (RuleScope.Containers, $"name=svc-{random.Next(400)}"),
                < 70 => (RuleScope.Containers, $"name=~svc-{random.Next(40)}.*"),
                < 80 => (RuleScope.Containers, $"image=registry/app-{random.Next(20)}:1"),
                < 90 => (RuleScope.Containers, $"label:com.example.team=t{random.Next(10)}"),
                _ => (RuleScope.Host, null),
            };
            var signal = scope == RuleScope.Host ? RuleSignal.DiskPercent : random.Next(2) == 0 ? RuleSignal.CpuPercent : RuleSignal.MemoryPercent;
            rules.Add(new AlertRule
            {
                Id = $"r{i}", Name = $"r{i}", Scope = scope, Match = match, Signal = signal, Operator = RuleOperator.Above,
                Threshold = 50 + random.Next(50), ForSeconds = 10, ResolveMargin = 5, Severity = AlertSeverity.Warning, UpdatedBy = "bench",
            });
        }

        return rules;
    }

    private static ContainersSnapshot Poll(int containers, Random random)
    {
        var now = DateTimeOffset.UtcNow;
        return new(now, "bench", ComponentStatus.Running, null, [.. Enumerable.Range(0, containers).Select(i =>
            new ContainerRow($"c{i}", $"svc-{i}", $"registry/app-{i % 20}:1", i % 50 == 0 ? "exited" : "running", "Up", now, RestartCount: i % 7,
                StartedAt: now.AddMinutes(-5), ExitCode: i % 50 == 0 ? 1 : null,
                Usage: i % 50 == 0 ? null : new ContainerUsage(random.NextDouble() * 100, random.NextInt64(1L << 30), 1L << 30, 0, 0, 0, 0, 10),
                Labels: new Dictionary<string, string> { ["com.example.team"] = $"t{i % 10}" }))]);
    }

    private sealed class Measure(string name)
    {
        private readonly List<double> times = [];
        private int conditions;

        public double Median => Percentiles.Median(Warm);

        private List<double> Warm => [.. times.Skip(Math.Min(10, times.Count / 2))];

        public void Time(Func<int> poll)
        {
            var watch = Stopwatch.StartNew();
            conditions = poll();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        public void Print(int polls) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: median {Median:0.000} ms, p99 {Percentiles.Of(Warm, 99):0.000} ms, {conditions} conditions built in the last poll"));
    }
}
