using Kitt.Dashboard.Shipments;

namespace Kitt.Dashboard.Tests.Shipments;

public sealed class ItemImportTests
{
    [Fact]
    public void Reads_csv_columns_in_any_order_with_quotes_and_flags()
    {
        var result = ItemImport.Parse("height;SKU;length;width;thisSideUp;quantity\r\n20;\"A;\"\"1\"\"\";40;30;x;4\r\n\r\n10;B;15;15;;\r\n");

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Items.Count);
        Assert.Equal(("A;\"1\"", 40.0, 30.0, 20.0, true, (int?)4), (result.Items[0].Sku, result.Items[0].Length, result.Items[0].Width, result.Items[0].Height, result.Items[0].ThisSideUp, result.Items[0].Quantity));
        Assert.Null(result.Items[1].Quantity);
        Assert.False(result.Items[1].ThisSideUp);
    }

    [Fact]
    public void Reads_a_json_array_or_a_shipment_with_items()
    {
        var array = ItemImport.Parse("""[{ "sku": "A", "length": 10, "width": 20, "height": 30, "weightKg": 4, "quantity": 2, "fragile": true }]""");
        var shipment = ItemImport.Parse("""{ "reference": "x", "items": [{ "sku": "B", "length": 1, "width": 2, "height": 3 }] }""");

        Assert.True(array.Items.Single().Fragile);
        Assert.Equal(2, array.Items.Single().Quantity);
        Assert.Equal("B", shipment.Items.Single().Sku);
    }

    [Theory]
    [InlineData("length,width,height\n1,2,3", "row 1: the header needs a 'sku' column")]
    [InlineData("sku,length,width,height,colour\nA,1,2,3,red", "row 1, column 5: unknown column 'colour'")]
    [InlineData("sku,length,width,height,fragile\nA,1,2,3,maybe", "row 2, column fragile: 'maybe' is not yes/no")]
    [InlineData("sku;length;width;height\nA;1;2;3\nB;1;2;high", "row 3, column height: 'high' is not a number")]
    [InlineData("sku,length,width,height\nA,1,2,3,4", "row 2: 5 cells, the header has 4")]
    [InlineData("sku,length,width,height\n\"A,1,2,3\nB,1,2,3", "row 2: a quoted cell is not closed")]
    [InlineData("""[{ "sku": "A", "length": "long" }]""", "JSON: [0].length is not valid")]
    [InlineData("""[{ "sku": "A", "length": 1, "width": 2, "height": 3 }, null]""", "JSON: [1] is empty")]
    [InlineData("  ", "nothing to import")]
    public void Problems_name_the_row_and_column(string text, string expected)
    {
        var result = ItemImport.Parse(text);
        Assert.Empty(result.Items);
        Assert.Contains(result.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_semicolon_file_with_decimal_commas_keeps_each_value_in_its_column()
    {
        var result = ItemImport.Parse("sku;length;width;height;weightKg\nA;120,5;80;60;12,25\n");

        Assert.Empty(result.Errors);
        var item = Assert.Single(result.Items);
        Assert.Equal(("A", 120.5, 80.0, 60.0, 12.25), (item.Sku, item.Length, item.Width, item.Height, item.WeightKg));
    }

    [Fact]
    public void A_comma_file_keeps_semicolons_and_quoted_line_breaks_inside_cells()
    {
        var result = ItemImport.Parse("sku,length,width,height\n\"CRATE\nblue; heavy\",40,30,20\nA;B,1,2,3\n");

        Assert.Empty(result.Errors);
        Assert.Equal(["CRATE\nblue; heavy", "A;B"], result.Items.Select(i => i.Sku));
        Assert.Equal([40.0, 1.0], result.Items.Select(i => i.Length));
    }

    [Fact]
    public void A_tab_file_is_read_by_its_header()
    {
        var result = ItemImport.Parse("sku\tlength\twidth\theight\tquantity\nA\t1,5\t2\t3\t4\n");

        Assert.Empty(result.Errors);
        Assert.Equal((1.5, 4), (result.Items.Single().Length, result.Items.Single().Quantity));
    }
}
