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
    [InlineData("length,width,height\n1,2,3", "line 1: the header needs a 'sku' column")]
    [InlineData("sku,length,width,height,colour\nA,1,2,3,red", "line 1: unknown column 'colour'")]
    [InlineData("sku,length,width,height,fragile\nA,1,2,3,maybe", "line 2: fragile 'maybe' is not yes/no")]
    [InlineData("""[{ "sku": "A", "length": "long" }]""", "JSON: [0].length is not valid")]
    [InlineData("""[{ "sku": "A", "length": 1, "width": 2, "height": 3 }, null]""", "JSON: [1] is empty")]
    [InlineData("  ", "nothing to import")]
    public void Problems_name_the_line_and_column(string text, string expected)
    {
        var result = ItemImport.Parse(text);
        Assert.Empty(result.Items);
        Assert.Contains(result.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }
}
