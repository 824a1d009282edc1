using Bunit;
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
}
