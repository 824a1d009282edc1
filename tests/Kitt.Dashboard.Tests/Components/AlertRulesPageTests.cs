using Bunit;
using Kitt.Dashboard.Alerts.Rules;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Kitt.Dashboard.Tests.Components;

/// <summary>The Admin's rule editor over the real store: mistakes are named and not saved; a new rule, a changed default and a deletion apply with their author.</summary>
public sealed class AlertRulesPageTests : DashboardTestContext
{
    public AlertRulesPageTests() => AddAuthorization().SetAuthorized("root").SetRoles("Admin");

    private AlertRuleBook Book => Services.GetRequiredService<AlertRuleBook>();

    [Fact]
    public async Task A_rule_with_mistakes_is_named_field_by_field_and_saved_once_they_are_fixed()
    {
        var cut = Render<AlertRulesPage>();
        Assert.Equal(5, cut.FindAll("[data-testid=rule-row]").Count);

        await cut.Find("[data-testid=new-rule]").ClickAsync(new());
        cut.Find("input[data-testid=rule-id]").Change("db-cpu");
        cut.Find("input[data-testid=rule-name]").Change("Bad Name");
        cut.Find("input[data-testid=rule-threshold]").Change("150");
        cut.Find("input[data-testid=rule-labels]").Change("team");
        await cut.Find("[data-testid=save-rule]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("'team' is not name=value.", cut.Markup));
        cut.Find("input[data-testid=rule-labels]").Change("team=freight");
        await cut.Find("[data-testid=save-rule]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("name must be 1 to 40 lower-case letters", cut.Markup));
        Assert.Contains("threshold must be from 0 to 100 (per cent).", cut.Markup);
        Assert.Null(Book.Find("db-cpu"));

        cut.Find("input[data-testid=rule-name]").Change("db_cpu");
        cut.Find("input[data-testid=rule-threshold]").Change("60");
        cut.Find("input[data-testid=rule-match]").Change("name=db");
        await cut.Find("[data-testid=save-rule]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(6, cut.FindAll("[data-testid=rule-row]").Count));
        var saved = Book.Find("db-cpu")!;
        Assert.Equal((60, "name=db", "freight", "root"), (saved.Threshold, saved.Match, saved.Labels["team"], saved.UpdatedBy));
        Assert.Contains("cpu_percent >= 60 for 10s", cut.Find("[data-rule=db-cpu]").TextContent);
        Assert.Contains("root", cut.Find("[data-testid=rule-changes]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=rule-editor]"));
    }

    [Fact]
    public async Task A_default_is_changed_in_place_and_a_rule_is_deleted()
    {
        var cut = Render<AlertRulesPage>();

        await cut.Find("[data-rule=container-cpu] [data-testid=edit-rule]").ClickAsync(new());
        Assert.True(cut.Find("input[data-testid=rule-id]").HasAttribute("disabled"));
        cut.Find("input[data-testid=rule-threshold]").Change("70");
        await cut.Find("[data-testid=save-rule]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("cpu_percent >= 70", cut.Find("[data-rule=container-cpu]").TextContent));
        var changed = Book.Find("container-cpu")!;
        Assert.Equal((70, 1, "root"), (changed.Threshold, changed.Version, changed.UpdatedBy)); // the first stored version of the default

        await cut.Find("[data-rule=host-memory] [data-testid=delete-rule]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-rule=host-memory]")));
        Assert.Null(Book.Find("host-memory"));
        Assert.Equal(["deleted", "changed"], (await Book.HistoryAsync(null, 10)).Select(c => c.Action));
    }

    [Fact]
    public async Task Choosing_a_scope_offers_only_its_signals_and_a_counted_one_asks_for_its_window()
    {
        var cut = Render<AlertRulesPage>();
        await cut.Find("[data-testid=new-rule]").ClickAsync(new());
        Assert.Empty(cut.FindAll("input[data-testid=rule-window]"));

        var scope = cut.FindComponents<MudSelect<string>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), "rule-scope"));
        await cut.InvokeAsync(() => scope.Instance.ValueChanged.InvokeAsync("packing"));

        // CPU is not measured for the packing worker: the signal gave way to its first one, failures, counted over a window.
        Assert.Single(cut.FindAll("input[data-testid=rule-window]"));
        Assert.Empty(cut.FindAll("input[data-testid=rule-match]"));
        cut.Find("input[data-testid=rule-id]").Change("failing");
        cut.Find("input[data-testid=rule-name]").Change("packing_failing");
        cut.Find("input[data-testid=rule-threshold]").Change("3");
        cut.Find("input[data-testid=rule-window]").Change("15m");
        await cut.Find("[data-testid=save-rule]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.NotNull(Book.Find("failing")));
        var saved = Book.Find("failing")!;
        Assert.Equal(("packing", "packing_failures", "15m", null), (saved.Scope, saved.Signal, saved.Window, saved.Match));
    }
}
