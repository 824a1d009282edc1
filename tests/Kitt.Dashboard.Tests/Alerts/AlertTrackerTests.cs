using Kitt.Dashboard.Alerts.Rules;
using Kitt.Dashboard.Alerts;
using Microsoft.Extensions.Time.Testing;

namespace Kitt.Dashboard.Tests.Alerts;

public sealed class AlertTrackerTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_breach_waits_its_for_duration_then_fires_once()
    {
        var tracker = new AlertTracker(clock);

        Assert.Empty(tracker.Evaluate("host", [Cpu(90)]));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(tracker.Evaluate("host", [Cpu(91)]));
        clock.Advance(TimeSpan.FromSeconds(5));

        var fired = Assert.Single(tracker.Evaluate("host", [Cpu(92)]));
        Assert.Equal(AlertState.Firing, fired.State);
        Assert.True(fired.Notify);
        Assert.Equal("cpu:host", fired.Condition.Key);

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(tracker.Evaluate("host", [Cpu(95)])); // still firing: no second alert
    }

    [Fact]
    public void A_spike_shorter_than_the_for_duration_does_not_fire()
    {
        var tracker = new AlertTracker(clock);
        tracker.Evaluate("host", [Cpu(90)]);
        clock.Advance(TimeSpan.FromSeconds(6));
        tracker.Evaluate("host", [Cpu(40)]);
        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Empty(tracker.Evaluate("host", [Cpu(90)])); // pending starts again from here
    }

    [Fact]
    public void Resolving_needs_the_value_below_the_hysteresis_line()
    {
        var tracker = new AlertTracker(clock);
        Fire(tracker);

        Assert.Empty(tracker.Evaluate("host", [Cpu(78)])); // below 80 but not below 75: no flap
        clock.Advance(TimeSpan.FromSeconds(2));
        var resolved = Assert.Single(tracker.Evaluate("host", [Cpu(70)]));
        Assert.Equal(AlertState.Resolved, resolved.State);
    }

    [Fact]
    public void Firing_again_within_the_cooldown_is_stored_but_not_announced()
    {
        var tracker = new AlertTracker(clock) { Cooldown = TimeSpan.FromSeconds(60) };
        Fire(tracker);
        tracker.Evaluate("host", [Cpu(10)]);

        clock.Advance(TimeSpan.FromSeconds(20));
        var again = Fire(tracker);
        Assert.False(again.Notify);

        tracker.Evaluate("host", [Cpu(10)]);
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.True(Fire(tracker).Notify);
    }

    [Fact]
    public void A_source_that_leaves_its_group_resolves_and_event_groups_keep_their_keys()
    {
        var tracker = new AlertTracker(clock);
        var unhealthy = AlertCondition.Flag("container_health", "router", AlertSeverity.Error, true, TimeSpan.Zero, "router is unhealthy", "fails");
        Assert.Equal(AlertState.Firing, Assert.Single(tracker.Evaluate("containers", [unhealthy])).State);

        var gone = Assert.Single(tracker.Evaluate("containers", []));
        Assert.Equal(AlertState.Resolved, gone.State);
        Assert.Contains("gone", gone.Condition.Message);

        var failed = AlertCondition.Flag("packing", "SHP-1", AlertSeverity.Error, true, TimeSpan.Zero, "Packing failed", "time limit");
        tracker.Evaluate("packing", [failed], complete: false);
        Assert.Empty(tracker.Evaluate("packing", [], complete: false));
        Assert.Contains("packing:SHP-1", tracker.FiringKeys);
    }

    private AlertTransition Fire(AlertTracker tracker)
    {
        tracker.Evaluate("host", [Cpu(90)]);
        clock.Advance(DefaultRules.BreachFor);
        return Assert.Single(tracker.Evaluate("host", [Cpu(90)]));
    }

    private static AlertCondition Cpu(double value) =>
        new("cpu", "host", AlertSeverity.Warning, value, 80, 75, DefaultRules.BreachFor, "Host CPU", "2 cores");
}
