using Bunit;
using Kitt.Dashboard.Components.Shell;
using Kitt.Dashboard.Shipments;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Shipments;

public sealed class ShipmentsPageTests : ShipmentsTestContext
{
    [Fact]
    public void Says_so_when_there_are_no_shipments()
    {
        var cut = Render<ShipmentsPage>();
        cut.WaitForAssertion(() => Assert.Contains("No shipments yet", cut.Markup));
    }

    [Fact]
    public async Task Lists_shipments_newest_first_and_follows_the_packing_worker_live()
    {
        await CreateAsync(Request("REF-OLDER", Item("A", 50, 40, 30)));
        await CreateAsync(Request("REF-NEWER", Item("B", 50, 40, 30)));
        var cut = Render<ShipmentsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=shipment-row]").Count));
        Assert.Equal(["REF-NEWER", "REF-OLDER"], cut.FindAll("[data-testid=shipment-row]").Select(r => r.GetAttribute("data-reference")));
        Assert.All(cut.FindAll("[data-testid=status]"), s => Assert.Equal("queued", s.GetAttribute("data-status")));

        await StartWorkerAsync();

        cut.WaitForAssertion(() => Assert.All(cut.FindAll("[data-testid=status]"), s => Assert.Equal("packed", s.GetAttribute("data-status"))),
            TimeSpan.FromSeconds(15));
        Assert.Contains("%", cut.Find("[data-testid=shipment-row]").TextContent);
    }

    [Fact]
    public async Task J_and_k_move_the_selection_enter_opens_it_and_n_starts_a_new_shipment()
    {
        var older = await CreateAsync(Request("REF-1", Item("A", 50, 40, 30)));
        await CreateAsync(Request("REF-2", Item("A", 50, 40, 30)));
        await CreateAsync(Request("REF-3", Item("A", 50, 40, 30)));
        var cut = Render<ShipmentsPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=shipment-row]").Count));
        string? Selected() => cut.FindAll("[data-testid=shipment-row][aria-selected=true]").SingleOrDefault()?.GetAttribute("data-reference");
        Assert.Null(Selected());

        await Press(cut, Shortcuts.Next);
        Assert.Equal("REF-3", Selected());
        JSInterop.VerifyFocusAsyncInvoke(); // the selected row's link takes the keyboard focus
        await Press(cut, Shortcuts.Next);
        await Press(cut, Shortcuts.Next);
        await Press(cut, Shortcuts.Next); // stays on the last row
        Assert.Equal("REF-1", Selected());
        await Press(cut, Shortcuts.Previous);
        Assert.Equal("REF-2", Selected());
        await Press(cut, Shortcuts.Next);

        var navigation = Services.GetRequiredService<NavigationManager>();
        await Press(cut, Shortcuts.Open);
        Assert.EndsWith($"/shipments/{older}", navigation.Uri);
        await Press(cut, Shortcuts.NewShipment);
        Assert.EndsWith("/shipments/new", navigation.Uri);
    }

    [Fact]
    public void Says_when_packing_is_turned_off()
    {
        Realtime.PackingWorker = false;
        var cut = Render<ShipmentsPage>();
        Assert.Contains("Packing is turned off", cut.Find("[data-testid=packing-off]").TextContent);
    }

    private Task Press(IRenderedComponent<ShipmentsPage> cut, string keys) =>
        cut.InvokeAsync(() => PageShortcuts.RaiseAsync(Shortcuts.Find(keys)!));
}
