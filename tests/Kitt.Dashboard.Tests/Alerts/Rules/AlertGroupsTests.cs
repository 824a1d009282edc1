using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Alerts.Rules;

namespace Kitt.Dashboard.Tests.Alerts.Rules;

/// <summary>
/// Alerts taken up after a restart go back to the group their rule judges them in: a container's <c>cpu</c> alert with
/// the container polls, the host's with the host samples. In the wrong group the next sample of that group would
/// resolve it as gone and the right one fire it again.
/// </summary>
public sealed class AlertGroupsTests
{
    private static readonly RuleSet Rules = new([
        .. DefaultRules.For(new AlertThresholdValues(80, 85, 5)),
        new AlertRule { Id = "backlog", Name = "backlog", Scope = RuleScope.Packing, Signal = RuleSignal.QueueDepth, Threshold = 10, UpdatedBy = "test" },
        new AlertRule { Id = "db-mem", Name = "db_memory", Scope = RuleScope.Containers, Match = "name=db", Signal = RuleSignal.MemoryBytes, Threshold = 1, UpdatedBy = "test" },
    ]);

    [Theory]
    [InlineData("cpu", "host", AlertGroups.Host)]
    [InlineData("cpu", "router", AlertGroups.Containers)]
    [InlineData("memory", "host", AlertGroups.Host)]
    [InlineData("error_rate", "api", AlertGroups.Errors)]
    [InlineData("backlog", "packing", AlertGroups.PackingRules)]
    [InlineData("db_memory", "db", AlertGroups.Containers)]
    [InlineData("container_exit", "db", AlertGroups.Containers)]
    [InlineData("rule_deleted_since", "anything", AlertGroups.Host)]
    public void A_restored_alert_goes_back_to_the_group_of_its_rule(string type, string source, string group) =>
        Assert.Equal(group, AlertGroups.Of(type, source, Rules.Names));
}
