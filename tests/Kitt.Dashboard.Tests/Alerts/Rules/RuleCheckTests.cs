using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Alerts.Rules;

namespace Kitt.Dashboard.Tests.Alerts.Rules;

/// <summary>What a rule may say: each mistake named by its field, and what is left out filled as documented.</summary>
public sealed class RuleCheckTests
{
    public static TheoryData<string, RuleSpec, string> Mistakes => new()
    {
        { "ok-id", new RuleSpec("cpu_hot", "containers", null, "cpu_percent", ">", 90, Window: "5m"), "window" },
        { "ok-id", new RuleSpec("disk", "host", "name=db", "disk_percent", ">", 90), "match" },
        { "ok-id", new RuleSpec("errors", "source", "outbox", "error_rate", ">", 5), "match" },
        { "ok-id", new RuleSpec("queue", "packing", null, "queue_depth", "=>", 5), "operator" },
        { "ok-id", new RuleSpec("queue", "packing", null, "queue_depth", ">", -1), "threshold" },
        { "ok-id", new RuleSpec("queue", "packing", null, "queue_depth", ">", 5, ResolveMargin: -2), "resolveMargin" },
        { "ok-id", new RuleSpec("loop", "containers", null, "restarts", ">", 5, Window: "2s"), "window" },
        { "ok-id", new RuleSpec("loop", "containers", null, "restarts", ">", 5, For: "25h"), "for" },
        { "ok-id", new RuleSpec("oom", "containers", null, "memory_percent", ">", 5), "name" },
        { "ok-id", new RuleSpec("hot", "Containers", null, "cpu_percent", ">", 5), "scope" },
        { "ok-id", new RuleSpec("hot", "containers", "name=~(", "cpu_percent", ">", 5), "match" },
        { "ok-id", new RuleSpec("hot", "containers", null, "cpu_percent", ">", 5, Labels: new() { ["rule"] = "mine" }), "labels.rule" },
        { "ok-id", new RuleSpec("hot", "containers", null, "cpu_percent", ">", 5, Labels: new() { ["9lives"] = "x" }), "labels.9lives" },
        { "Not An Id", new RuleSpec("hot", "containers", null, "cpu_percent", ">", 5), "id" },
        { "ok-id", new RuleSpec("hot", "containers", null, "cpu_percent", ">=", 5, ResolveMargin: 5), "resolveMargin" },
        { "ok-id", new RuleSpec("hot", "containers", new string('x', 2001), "cpu_percent", ">", 5), "match" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_is_named_by_its_field_and_alone(string id, RuleSpec spec, string field)
    {
        var (rule, problems) = RuleCheck.Check(id, spec);

        Assert.Null(rule);
        Assert.Equal([field], problems.Keys);
    }

    [Fact]
    public void What_is_left_out_is_filled_as_documented()
    {
        var (loop, _) = RuleCheck.Check("loop", new RuleSpec("looping", "containers", " name=~api-.* ,image=app:1 ", "restarts", Threshold: 3));
        var (errors, _) = RuleCheck.Check("errors", new RuleSpec("errors", "source", null, "error_rate", Threshold: 5));

        Assert.NotNull(loop);
        Assert.Equal((RuleOperator.AtLeast, AlertSeverity.Warning, 600.0, 0.0, true), (loop.Operator, loop.Severity, loop.WindowSeconds, loop.ForSeconds, loop.Enabled));
        Assert.Equal("name=~api-.*, image=app:1", loop.Match);
        Assert.Equal("api", errors!.Match);
        Assert.Null(errors.WindowSeconds);
    }
}
