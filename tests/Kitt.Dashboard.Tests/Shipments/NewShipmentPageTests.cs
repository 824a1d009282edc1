using Bunit;
using Kitt.Dashboard.Items;
using Kitt.Dashboard.Shipments;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Shipments;

public sealed class NewShipmentPageTests : ShipmentsTestContext
{
    private const string Csv = """
        sku,length,width,height,weightKg,quantity,fragile,stop
        "GLASS, clear",40,30,20,8,3,yes,1
        STEEL,60,40,40,55,2,no,
        """;

    [Fact]
    public async Task Imported_csv_items_become_rows_and_create_stores_the_shipment_and_opens_it()
    {
        var cut = Render<NewShipmentPage>();
        Fill(cut, "NEW-001", Csv);
        cut.Find("[data-testid=import-items]").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=item-row]").Count));
        Assert.Contains("2 lines, 5 boxes", cut.Find("[data-testid=item-count]").TextContent);

        await cut.Find("[data-testid=create-shipment]").ClickAsync(new());

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches("/shipments/[0-9]+$", navigation.Uri));
        var id = long.Parse(navigation.Uri.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var stored = await Store.GetAsync(id);
        Assert.NotNull(stored);
        Assert.Equal(("NEW-001", "Antwerp", "Milan", "normal"), (stored.Reference, stored.Origin, stored.Destination, stored.Priority));
        Assert.Equal(1203, stored.Container.Length); // the default container preset
        Assert.Equal("GLASS, clear", stored.Items[0].Sku);
        Assert.True(stored.Items[0].Fragile);
        Assert.Equal(1, stored.Items[0].Stop);
        Assert.Equal(55, stored.Items[1].WeightKg);
    }

    [Fact]
    public async Task Invalid_items_are_named_by_field_and_nothing_is_stored()
    {
        var cut = Render<NewShipmentPage>();
        Fill(cut, "NEW-002", "sku,length,width,height\nBOX,0,30,20\n");
        cut.Find("[data-testid=import-items]").Click();

        await cut.Find("[data-testid=create-shipment]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("items[0].length must be a length between", cut.Find("[data-testid=form-errors]").TextContent));
        Assert.Contains("items[0].length must be a length", cut.Find("[data-testid=item-row]").TextContent);
        Assert.Empty(await Store.ListAsync());
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task A_containers_weight_distribution_is_sent_only_once_opened_and_typed()
    {
        var cut = Render<NewShipmentPage>();
        Fill(cut, "NEW-AXLES", Csv);
        cut.Find("[data-testid=import-items]").Click();
        Assert.Empty(cut.FindAll("input[data-testid=balance-lengthwise]"));

        cut.Find("[data-testid=weight-limits]").Click();
        cut.Find("input[data-testid=balance-lengthwise]").Change("8");
        Assert.Contains("Axle 2 limit (kg)", cut.Markup); // each group named by its own number
        cut.FindAll("input[data-testid=axle-position]")[0].Change("150");
        cut.FindAll("input[data-testid=axle-position]")[1].Change("1100");
        cut.FindAll("input[data-testid=axle-limit]")[0].Change("9000");
        cut.FindAll("input[data-testid=axle-limit]")[1].Change("12000");
        await cut.Find("[data-testid=create-shipment]").ClickAsync(new());

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches("/shipments/[0-9]+$", navigation.Uri));
        var stored = await Store.GetAsync(long.Parse(navigation.Uri.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
        var kind = Assert.Single(stored!.Containers);
        Assert.Equal((8.0, (double?)null), (kind.Balance!.LengthwisePercent, kind.Balance.SidewaysPercent));
        Assert.Equal([(150.0, 9000.0), (1100.0, 12000.0)], kind.Axles!.Select(a => (a!.PositionCm!.Value, a.MaxLoadKg!.Value)));
    }

    [Fact]
    public async Task A_half_typed_axle_group_is_named_opened_and_nothing_is_stored()
    {
        var cut = Render<NewShipmentPage>();
        Fill(cut, "NEW-HALF", Csv);
        cut.Find("[data-testid=import-items]").Click();
        cut.Find("[data-testid=weight-limits]").Click();
        cut.FindAll("input[data-testid=axle-position]")[0].Change("150");
        cut.Find("[data-testid=weight-limits]").Click(); // folded away: still sent, and the button says so
        Assert.Contains("set", cut.Find("[data-testid=weight-limits]").TextContent);

        await cut.Find("[data-testid=create-shipment]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("containers[0].axles[0].maxLoadKg", cut.Find("[data-testid=form-errors]").TextContent));
        Assert.Contains("containers[0].axles[1].positionCm", cut.Find("[data-testid=form-errors]").TextContent);
        Assert.Equal("true", cut.Find("[data-testid=weight-limits]").GetAttribute("aria-expanded"));
        Assert.Equal("150", cut.FindAll("input[data-testid=axle-position]")[0].GetAttribute("value"));
        Assert.Empty(await Store.ListAsync());
    }

    private static void Fill(IRenderedComponent<NewShipmentPage> cut, string reference, string items)
    {
        cut.Find("#shipment-reference").Change(reference);
        cut.Find("#shipment-origin").Change("Antwerp");
        cut.Find("#shipment-destination").Change("Milan");
        cut.Find("#items-import").Change(items);
    }

    [Fact]
    public void Import_problems_name_the_row_and_column_and_keep_the_rows()
    {
        var cut = Render<NewShipmentPage>();
        cut.Find("#items-import").Change("sku,length,width,height\nBOX,ten,30,20\n");
        cut.Find("[data-testid=import-items]").Click();

        cut.WaitForAssertion(() => Assert.Contains("row 2, column length: 'ten' is not a number", cut.Markup));
        Assert.Single(cut.FindAll("[data-testid=item-row]"));
    }

    [Fact]
    public async Task A_sku_from_the_library_fills_in_its_line_and_an_unknown_one_is_left_to_type_in_full()
    {
        await Services.GetRequiredService<ItemLibrary>().SaveAsync("CRATE-9", new ItemInput { Length = 60, Width = 40, Height = 35, WeightKg = 18, Fragile = true }, "tester");
        var cut = Render<NewShipmentPage>();
        Fill(cut, "NEW-LIB", "");
        string Value(int line, string field) => cut.Find($"input[aria-label='Line {line} {field}']").GetAttribute("value") ?? "";

        cut.FindAll("input[data-testid=item-sku]")[0].Change("crate-9");
        cut.Find("input[aria-label='Line 1 quantity']").Change("4");
        cut.WaitForAssertion(() => Assert.Equal(("60", "40", "35", "18"), (Value(1, "length (cm)"), Value(1, "width (cm)"), Value(1, "height (cm)"), Value(1, "weight (kg)"))));
        Assert.Equal("CRATE-9", cut.FindAll("input[data-testid=item-sku]")[0].GetAttribute("value"));
        cut.Find("[data-testid=add-item]").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("input[data-testid=item-sku]").Count));
        cut.FindAll("input[data-testid=item-sku]")[1].Change("UNKNOWN-7");
        Assert.Equal("0", Value(2, "length (cm)"));

        await cut.Find("[data-testid=create-shipment]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("'UNKNOWN-7' is not in the item library", cut.Find("[data-testid=form-errors]").TextContent));
        Assert.Empty(await Store.ListAsync());
        cut.Find("input[aria-label='Line 2 length (cm)']").Change("20");
        cut.Find("input[aria-label='Line 2 width (cm)']").Change("20");
        cut.Find("input[aria-label='Line 2 height (cm)']").Change("20");
        await cut.Find("[data-testid=create-shipment]").ClickAsync(new());
        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches("/shipments/[0-9]+$", navigation.Uri));
        var stored = await Store.GetAsync(long.Parse(navigation.Uri.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((60, 4, true), (stored!.Items[0].Length, stored.Items[0].Quantity, stored.Items[0].Fragile));
        Assert.Equal(20, stored.Items[1].Length);
    }

    [Fact]
    public async Task A_line_filled_from_the_library_keeps_nothing_of_it_once_its_sku_changes_to_an_unknown_one()
    {
        await Services.GetRequiredService<ItemLibrary>().SaveAsync("CRATE-9", new ItemInput { Length = 60, Width = 40, Height = 35, WeightKg = 18, Fragile = true }, "tester");
        var cut = Render<NewShipmentPage>();
        string Value(string field) => cut.Find($"input[aria-label='Line 1 {field}']").GetAttribute("value") ?? "";

        cut.Find("input[data-testid=item-sku]").Change("CRATE-9");
        cut.WaitForAssertion(() => Assert.Equal("60", Value("length (cm)")));
        cut.Find("input[data-testid=item-sku]").Change("CRATE-10");

        cut.WaitForAssertion(() => Assert.Equal(("0", "0", "0", "0"), (Value("length (cm)"), Value("width (cm)"), Value("height (cm)"), Value("weight (kg)"))));
        Assert.False(cut.Find("input[aria-label='Line 1 fragile']").HasAttribute("checked"));
    }
}
