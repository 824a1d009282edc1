using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Alerts.Rules;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;
using Microsoft.Extensions.Time.Testing;

namespace Kitt.Dashboard.Tests.Alerts.Rules;

/// <summary>The rules over samples, through the tracker, on a clock the test moves: windows, falling rules, selectors, quiet keys.</summary>
public sealed class RuleEvaluatorTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly AlertTracker tracker;
    private readonly RuleEvaluator evaluator;

    public RuleEvaluatorTests()
    {
        tracker = new AlertTracker(clock);
        evaluator = new RuleEvaluator(tracker);
    }

    private static AlertRule Rule(string id, RuleScope scope, RuleSignal signal, RuleOperator op, double threshold, string? match = null,
        double? window = null, double margin = 0) => new()
    {
        Id = id, Name = id.Replace('-', '_'), Scope = scope, Match = match, Signal = signal, Operator = op, Threshold = threshold,
        WindowSeconds = window, ResolveMargin = margin, Severity = AlertSeverity.Error, UpdatedBy = "test",
    };

    private ContainerRow Container(string name, long restarts = 0, double cpu = 1, string image = "app:1", string team = "a") =>
        new(name, name, image, "running", "Up", clock.GetUtcNow(), RestartCount: restarts, StartedAt: clock.GetUtcNow().AddHours(-1),
            Usage: new ContainerUsage(cpu, 1, 100, 0, 0, 0, 0, 1), Labels: new Dictionary<string, string> { ["team"] = team });

    private IReadOnlyList<AlertTransition> Poll(RuleSet rules, params ContainerRow[] containers)
    {
        var snapshot = new ContainersSnapshot(clock.GetUtcNow(), "test", ComponentStatus.Running, null, containers);
        return tracker.Evaluate(AlertGroups.Containers, evaluator.Containers(snapshot, rules));
    }

    [Fact]
    public void Restarts_count_within_the_window_and_the_alert_resolves_once_they_fall_out_of_it()
    {
        var rules = new RuleSet([Rule("restarting", RuleScope.Containers, RuleSignal.Restarts, RuleOperator.AtLeast, 3, window: 600)]);

        Assert.Empty(Poll(rules, Container("api", restarts: 5))); // five before it was first seen do not count
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(Poll(rules, Container("api", restarts: 7)));
        clock.Advance(TimeSpan.FromMinutes(2));
        var fired = Assert.Single(Poll(rules, Container("api", restarts: 8)));
        Assert.Equal((AlertState.Firing, 3.0, "restarting:api"), (fired.State, fired.Condition.Value, fired.Condition.Key));

        clock.Advance(TimeSpan.FromMinutes(5)); // the restarts at 2 min are still within 10 min
        Assert.Empty(Poll(rules, Container("api", restarts: 8)));
        clock.Advance(TimeSpan.FromMinutes(4)); // now only the one at 4 min is
        var resolved = Assert.Single(Poll(rules, Container("api", restarts: 8)));
        Assert.Equal((AlertState.Resolved, 1.0), (resolved.State, resolved.Condition.Value));
    }

    [Fact]
    public void A_falling_rule_fires_below_its_threshold_and_resolves_only_past_its_margin_above_it()
    {
        var rules = new RuleSet([Rule("cpu-idle", RuleScope.Containers, RuleSignal.CpuPercent, RuleOperator.Below, 5, margin: 10)]);

        Assert.Empty(Poll(rules, Container("worker", cpu: 6)));
        Assert.Equal(AlertState.Firing, Assert.Single(Poll(rules, Container("worker", cpu: 2))).State);
        Assert.Empty(Poll(rules, Container("worker", cpu: 14))); // above 5 but within the margin: still firing
        Assert.Equal(AlertState.Resolved, Assert.Single(Poll(rules, Container("worker", cpu: 15.5))).State);
    }

    [Fact]
    public void Selectors_pick_containers_by_exact_name_pattern_image_and_label()
    {
        var rules = new RuleSet(
        [
            Rule("by-name", RuleScope.Containers, RuleSignal.CpuPercent, RuleOperator.AtLeast, 50, "name=db"),
            Rule("by-pattern", RuleScope.Containers, RuleSignal.CpuPercent, RuleOperator.AtLeast, 50, "name=~api-[0-9]+"),
            Rule("by-image", RuleScope.Containers, RuleSignal.CpuPercent, RuleOperator.AtLeast, 50, "image=nginx:1.27"),
            Rule("by-label", RuleScope.Containers, RuleSignal.CpuPercent, RuleOperator.AtLeast, 50, "label:team=freight, name!=db"),
        ]);

        var fired = Poll(rules, Container("db", cpu: 90, team: "freight"), Container("api-12", cpu: 90), Container("api-x", cpu: 90),
            Container("edge", cpu: 90, image: "nginx:1.27"), Container("queue", cpu: 90, team: "freight"));

        Assert.Equal(["by_image:edge", "by_label:queue", "by_name:db", "by_pattern:api-12"], fired.Select(t => t.Condition.Key).Order(StringComparer.Ordinal));
        Assert.All(fired, t => Assert.Equal("containers", t.Condition.Labels!["scope"]));
    }

    [Fact]
    public void Quiet_values_of_quiet_keys_build_no_condition_but_a_pending_key_is_followed_until_it_clears()
    {
        var rule = Rule("hot", RuleScope.Containers, RuleSignal.CpuPercent, RuleOperator.AtLeast, 50);
        rule.ForSeconds = 30;
        var rules = new RuleSet([rule]);
        var quiet = Enumerable.Range(0, 500).Select(i => Container($"c{i}", cpu: 10)).ToArray();
        var snapshot = new ContainersSnapshot(clock.GetUtcNow(), "test", ComponentStatus.Running, null, [.. quiet, Container("busy", cpu: 80)]);

        var built = evaluator.Containers(snapshot, rules);
        tracker.Evaluate(AlertGroups.Containers, built);
        Assert.Equal(["hot:busy"], built.Select(c => c.Key));

        // Back under the threshold while pending: its condition is built so the pending state ends, and nothing fires later.
        clock.Advance(TimeSpan.FromSeconds(10));
        var calmer = new ContainersSnapshot(clock.GetUtcNow(), "test", ComponentStatus.Running, null, [.. quiet, Container("busy", cpu: 20)]);
        built = evaluator.Containers(calmer, rules);
        Assert.Equal(["hot:busy"], built.Select(c => c.Key));
        Assert.Empty(tracker.Evaluate(AlertGroups.Containers, built));
        Assert.Empty(evaluator.Containers(calmer, rules));
    }

    [Fact]
    public void A_strict_rule_with_no_margin_resolves_back_at_its_threshold()
    {
        var rules = new RuleSet([Rule("failed", RuleScope.Packing, RuleSignal.PackingFailures, RuleOperator.Above, 0, window: 60)]);
        IReadOnlyList<AlertTransition> Tick() => tracker.Evaluate(AlertGroups.PackingRules, [.. evaluator.Packing(clock.GetUtcNow(), null, rules)]);

        evaluator.PackingFailed(clock.GetUtcNow());
        Assert.Equal(AlertState.Firing, Assert.Single(Tick()).State);
        clock.Advance(TimeSpan.FromMinutes(2)); // no failure in the last minute: 0 is not above 0
        Assert.Equal(AlertState.Resolved, Assert.Single(Tick()).State);
    }

    [Fact]
    public void A_key_that_breaches_again_within_the_cooldown_is_stored_but_not_announced_again()
    {
        var rules = new RuleSet([Rule("hot", RuleScope.Containers, RuleSignal.CpuPercent, RuleOperator.AtLeast, 50)]);

        Assert.True(Assert.Single(Poll(rules, Container("api", cpu: 90))).Notify);
        Assert.Equal(AlertState.Resolved, Assert.Single(Poll(rules, Container("api", cpu: 10))).State);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(Poll(rules, Container("api", cpu: 10))); // quiet, but remembered: it was told a moment ago
        var again = Assert.Single(Poll(rules, Container("api", cpu: 90)));
        Assert.Equal((AlertState.Firing, false), (again.State, again.Notify));
    }

    [Fact]
    public void Packing_failures_are_counted_over_their_window_and_the_queue_is_read_as_given()
    {
        var rules = new RuleSet(
        [
            Rule("failing", RuleScope.Packing, RuleSignal.PackingFailures, RuleOperator.AtLeast, 2, window: 300),
            Rule("backlog", RuleScope.Packing, RuleSignal.QueueDepth, RuleOperator.Above, 100),
        ]);
        IReadOnlyList<AlertTransition> Tick(int queued) =>
            tracker.Evaluate(AlertGroups.PackingRules, [.. evaluator.Packing(clock.GetUtcNow(), new Backlog(queued, 0), rules)]);

        evaluator.PackingFailed(clock.GetUtcNow());
        Assert.Empty(Tick(100));
        clock.Advance(TimeSpan.FromMinutes(1));
        evaluator.PackingFailed(clock.GetUtcNow());
        Assert.Equal(["backlog:packing", "failing:packing"], Tick(101).Select(t => t.Condition.Key).Order(StringComparer.Ordinal));
        clock.Advance(TimeSpan.FromMinutes(4.5)); // the first failure is out of the window
        var resolved = Assert.Single(Tick(101));
        Assert.Equal(("failing:packing", AlertState.Resolved, 1.0), (resolved.Condition.Key, resolved.State, resolved.Condition.Value));
    }
}
