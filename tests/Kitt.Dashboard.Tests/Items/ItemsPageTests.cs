using Bunit;
using Kitt.Dashboard.Items;
using Kitt.Dashboard.Tests.Shipments;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Items;

/// <summary>The item library page as a Dispatcher uses it: add a SKU with its problems named, import a file, edit, remove.</summary>
public sealed class ItemsPageTests : ShipmentsTestContext
{
    public ItemsPageTests() => AddAuthorization().SetAuthorized("dana").SetRoles("Dispatcher");

    private ItemLibrary Library => Services.GetRequiredService<ItemLibrary>();

    [Fact]
    public async Task A_dispatcher_adds_a_sku_after_its_problems_are_named_and_it_is_listed()
    {
        var cut = Render<ItemsPage>();
        Assert.Contains("No items yet", cut.Markup);
        cut.Find("input[data-testid=item-sku]").Change("PAL-EU");
        cut.Find("input[data-testid=item-length]").Change("120");
        cut.Find("input[data-testid=item-width]").Change("-80");

        await cut.Find("[data-testid=save-item]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("width must be more than 0 cm, got -80", cut.Markup));
        Assert.Contains("height must be more than 0 cm", cut.Markup);
        Assert.Empty(await Library.ListAsync());
        cut.Find("input[data-testid=item-width]").Change("80");
        cut.Find("input[data-testid=item-height]").Change("15");
        cut.Find("input[data-testid=item-weight]").Change("25");
        await cut.Find("[data-testid=save-item]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("120 × 80 × 15", cut.Find("[data-testid=library-table]").TextContent));
        Assert.Equal(25, (await Library.FindAsync("pal-eu"))!.WeightKg);
        Assert.Contains("dana", cut.Find("[data-testid=library-table]").TextContent);
    }

    [Fact]
    public async Task An_imported_file_adds_its_skus_and_a_bad_one_says_where_and_adds_none()
    {
        var cut = Render<ItemsPage>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("sku,length,width,height\nA-1,10,10,10\nA-2,10,x,10\n", "bad.csv"));
        cut.WaitForAssertion(() => Assert.Contains("bad.csv: row 3, column width", cut.Find("[data-testid=library-import-error]").TextContent));
        Assert.Empty(await Library.ListAsync());

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("sku,length,width,height,fragile\nA-1,10,10,10,yes\nA-2,20,20,20,no\n", "good.csv"));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=library-table] tbody tr").Count));
        Assert.Contains("fragile", cut.Find("[data-testid=library-table] tbody tr").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=library-import-error]"));

        cut.FindAll("[data-testid=library-table] tbody tr button")[1].Click(); // Remove A-1
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=library-table] tbody tr")));
        Assert.Null(await Library.FindAsync("A-1"));
    }
}
