using Bunit;
using Kitt.Dashboard.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Components;

/// <summary>The admin's threshold form over the real store: bad values are named and not saved, good ones apply and are audited.</summary>
public sealed class AlertThresholdsPageTests : DashboardTestContext
{
    public AlertThresholdsPageTests() => AddAuthorization().SetAuthorized("root").SetRoles("Admin");

    [Fact]
    public async Task A_value_out_of_range_is_named_and_not_saved_and_a_good_change_applies_with_its_author()
    {
        var thresholds = Services.GetRequiredService<AlertThresholds>();
        var before = thresholds.Current;
        var cut = Render<AlertThresholdsPage>();

        Cpu(cut).Change("150");
        cut.Find("[data-testid=save-thresholds]").Click();

        cut.WaitForAssertion(() => Assert.Contains("cpuPercent must be more than 0 and at most 100.", cut.Markup));
        Assert.Equal(before, thresholds.Current);
        Assert.Empty(await thresholds.HistoryAsync(10));

        Cpu(cut).Change("72.5");
        cut.Find("[data-testid=save-thresholds]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=threshold-changes] tbody tr")));
        Assert.Equal(before with { CpuPercent = 72.5 }, thresholds.Current);
        var change = Assert.Single(await thresholds.HistoryAsync(10));
        Assert.Equal("root", change.ChangedBy);
        Assert.DoesNotContain("must be more than 0", cut.Markup);
    }

    // MudNumericField passes its extra attributes to the input element it renders.
    private static AngleSharp.Dom.IElement Cpu(IRenderedComponent<AlertThresholdsPage> cut) => cut.Find("input[data-testid=threshold-cpu]");
}
