using Bunit;
using Kitt.Dashboard.Components.Shell;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Shipments;

namespace Kitt.Dashboard.Tests.Shipments;

public sealed class ShipmentPageTests : ShipmentsTestContext
{
    [Fact]
    public async Task Shows_the_packed_plan_with_its_risk_factors_and_the_item_picked_in_the_view()
    {
        var id = await CreateAsync(Request("DET-1", Item("GLASS", 60, 60, 40, kg: 4, quantity: 2, fragile: true), Item("IRON", 60, 60, 40, kg: 80, quantity: 6)));
        var cut = Render<ShipmentPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Contains("Waiting for the packing worker", cut.Find("[data-testid=plan-placeholder]").TextContent));

        await StartWorkerAsync();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=plan-canvas]")), TimeSpan.FromSeconds(15));
        Assert.Equal("packed", cut.Find("[data-testid=status]").GetAttribute("data-status"));
        Assert.Contains("All 8 boxes loaded", cut.Find("[data-testid=step]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=risk] li"));
        Assert.NotNull(cut.Find("[data-testid=instructions]"));

        // The browser reports a pick and a step back; the page shows that box and step.
        var viewer = cut.FindComponent<PlanViewer>();
        await cut.InvokeAsync(() => viewer.Instance.Selected(0));
        await cut.InvokeAsync(() => viewer.Instance.Stepped(3));
        var plan = await Store.GetPlanAsync(id);
        Assert.Equal(plan!.Placements[0].Sku, cut.Find("[data-testid=selected-sku]").TextContent);
        Assert.Contains($"Step 3 of 8: {plan.Placements[2].Sku}", cut.Find("[data-testid=step]").TextContent);
    }

    [Fact]
    public async Task P_queues_a_finished_shipment_again()
    {
        var id = await CreateAsync(Request("DET-2", Item("BOX", 50, 50, 50)));
        await Store.CancelAsync(id);
        var cut = Render<ShipmentPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal("cancelled", cut.Find("[data-testid=status]").GetAttribute("data-status")));

        await cut.InvokeAsync(() => PageShortcuts.RaiseAsync(Shortcuts.Find(Shortcuts.Pack)!));

        cut.WaitForAssertion(() => Assert.Equal("queued", cut.Find("[data-testid=status]").GetAttribute("data-status")));
        Assert.Equal(ShipmentStatus.Queued, (await Store.GetAsync(id))!.Status);
    }
}
