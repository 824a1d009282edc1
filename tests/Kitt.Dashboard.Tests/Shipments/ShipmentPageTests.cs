using Bunit;
using Kitt.Dashboard.Components.Shell;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Shipments;
using Microsoft.Extensions.DependencyInjection;

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

        // The plan and the status may arrive in two renders: wait for the end state of both.
        cut.WaitForAssertion(() =>
        {
            Assert.NotEmpty(cut.FindAll("[data-testid=plan-canvas]"));
            Assert.Equal("packed", cut.Find("[data-testid=status]").GetAttribute("data-status"));
        }, TimeSpan.FromSeconds(15));
        cut.WaitForAssertion(() => Assert.Contains("All 8 boxes loaded in", cut.Find("[data-testid=step]").TextContent));
        Assert.NotEmpty(cut.FindAll("[data-testid=risk] li"));
        Assert.NotNull(cut.Find("[data-testid=instructions]"));

        // The view plays the boxes in step order; it reports a pick, a whole step and a single box; the page names them.
        var viewer = cut.FindComponent<PlanViewer>();
        var sequence = (await Store.GetLoadingAsync(id))!.Sequence;
        Assert.Equal(sequence.Ends, viewer.Instance.StepEnds);
        Assert.Equal(sequence.Plan.Placements, viewer.Instance.Plan.Placements);
        await cut.InvokeAsync(() => viewer.Instance.Selected(0));
        Assert.Equal(sequence.Plan.Placements[0].Sku, cut.Find("[data-testid=selected-sku]").TextContent);
        Assert.Contains("box 1 of 8, step 1", cut.Find("[data-testid=item-details]").TextContent);
        await cut.InvokeAsync(() => viewer.Instance.Stepped(sequence.Ends[0]));
        Assert.Contains($"Step 1 of {sequence.Steps.Count}: {sequence.Steps[0].Summary}.", cut.Find("[data-testid=step]").TextContent);
        var split = sequence.Steps.First(s => s.Count > 1);
        var inside = sequence.Ends[split.Number - 1] - split.Count + 1;
        await cut.InvokeAsync(() => viewer.Instance.Stepped(inside));
        Assert.Contains($"Step {split.Number} of {sequence.Steps.Count}, box 1 of {split.Count}: {split.Sku} at", cut.Find("[data-testid=step]").TextContent);

        // A share link for the crew: shown once, listed, then revoked.
        await cut.Find("button[data-testid=share-create]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("/share/", cut.Find("#share-url").GetAttribute("value")));
        Assert.Equal("true", cut.Find("[data-testid=share-link]").GetAttribute("data-active"));
        await cut.Find("button[data-testid=share-revoke]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-testid=share-link]").GetAttribute("data-active")));
        Assert.False((await Services.GetRequiredService<ShareLinks>().ListAsync(id)).Single().Active);
    }

    [Fact]
    public async Task The_instructions_list_the_steps_with_their_boxes_inside()
    {
        var id = await CreateAsync(Request("DET-3", Item("CASE", 40, 30, 30, kg: 5, quantity: 24), Item("DRUM", 60, 60, 90, kg: 50, quantity: 2)));
        await StartWorkerAsync();
        await WaitForStatusAsync(id, ShipmentStatus.Packed);
        var loading = (await Store.GetLoadingAsync(id))!;

        var cut = Render<LoadingInstructions>(p => p.Add(x => x.Id, id));

        var steps = cut.FindAll("[data-testid=instruction-step]");
        Assert.Equal(loading.Sequence.Steps.Count, steps.Count);
        Assert.True(steps.Count < 26, $"{steps.Count} steps for 26 boxes");
        for (var i = 0; i < steps.Count; i++)
        {
            var step = loading.Sequence.Steps[i];
            Assert.Equal(step.Summary, steps[i].QuerySelector("[data-testid=step-summary]")!.TextContent);
            var rows = steps[i].QuerySelectorAll("[data-testid=instruction-row]");
            Assert.Equal(step.Count, rows.Length);
            Assert.All(rows, r => Assert.Equal(step.Sku, r.Children[1].TextContent));
        }

        Assert.Equal(Enumerable.Range(1, 26).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            cut.FindAll("[data-testid=instruction-row] td:first-child").Select(td => td.TextContent));
        Assert.Contains($"{loading.Sequence.Steps.Count} steps, 26 boxes", cut.Markup);
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

    [Fact]
    public async Task A_plan_over_several_containers_shows_one_at_a_time_with_tabs_and_x_moves_to_the_next()
    {
        // 50 × 40 × 50 cm crates, eight to a 100 × 80 × 100 container: 20 crates take three, 8 + 8 + 4.
        var request = Request("DET-4", Item("CRATE", 50, 40, 50, kg: 20, quantity: 20));
        request.Container = null;
        request.Containers = [new ContainerInput { Length = 100, Width = 80, Height = 100 }];
        var id = await CreateAsync(request);
        await StartWorkerAsync();
        await WaitForStatusAsync(id, ShipmentStatus.Packed);
        var sequence = (await Store.GetLoadingAsync(id))!.Sequence;
        var cut = Render<ShipmentPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=container-tab]").Count));
        string Selected() => string.Join(",", cut.FindAll("[data-testid=container-tab]").Select(t => t.GetAttribute("aria-selected")));
        Assert.Equal("true,false,false", Selected());
        var viewer = cut.FindComponent<PlanViewer>();
        Assert.Equal(8, viewer.Instance.Plan.Placements.Count);
        Assert.All(viewer.Instance.Plan.Placements, p => Assert.Equal(0, p.Container));
        Assert.Contains("Container 1 of 3: all 8 boxes loaded", cut.Find("[data-testid=step]").TextContent);
        Assert.Equal(3, cut.FindAll("[data-testid=container-load]").Count);
        Assert.Equal("3", cut.Find("[data-testid=containers-used]").TextContent);

        await cut.InvokeAsync(() => PageShortcuts.RaiseAsync(Shortcuts.Find(Shortcuts.NextContainer)!));
        await cut.InvokeAsync(() => PageShortcuts.RaiseAsync(Shortcuts.Find(Shortcuts.NextContainer)!));
        cut.WaitForAssertion(() => Assert.Equal("false,false,true", Selected()));
        viewer = cut.FindComponent<PlanViewer>();
        Assert.Equal(4, viewer.Instance.Plan.Placements.Count);
        Assert.All(viewer.Instance.Plan.Placements, p => Assert.Equal(2, p.Container));
        // Steps keep their numbers over the whole plan: the third container's first step follows the second's last.
        var third = sequence.Steps.First(s => s.Container == 2);
        await cut.InvokeAsync(() => viewer.Instance.Stepped(1));
        Assert.Contains($"Step {third.Number} of {sequence.Steps.Count}, box 1 of {third.Count}", cut.Find("[data-testid=step]").TextContent);
        await cut.InvokeAsync(() => viewer.Instance.Selected(0));
        Assert.Contains($"in container 3, step {third.Number}", cut.Find("[data-testid=item-details]").TextContent);

        // The tab of a container shows it too, and x wraps round to the first.
        await cut.FindAll("button[data-testid=container-tab]")[1].ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("false,true,false", Selected()));
        await cut.InvokeAsync(() => PageShortcuts.RaiseAsync(Shortcuts.Find(Shortcuts.NextContainer)!));
        await cut.InvokeAsync(() => PageShortcuts.RaiseAsync(Shortcuts.Find(Shortcuts.NextContainer)!));
        cut.WaitForAssertion(() => Assert.Equal("true,false,false", Selected()));
    }
}
