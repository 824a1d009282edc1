using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Shipments;
using Kitt.Dashboard.Tests.Hosting;
using MiniExcelLibs;

namespace Kitt.Dashboard.Tests.Shipments;

/// <summary>Items in from .xlsx (the form's and the API's import) and the plan out as .xlsx, each read back.</summary>
public sealed class SpreadsheetTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private HttpClient Client => app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

    /// <summary>A workbook whose first sheet holds these rows, the first of them the header; a second sheet is ignored.</summary>
    private static byte[] Workbook(params object?[][] rows)
    {
        var sheet = rows.Select(r => r.Select((v, i) => (Key: ItemSpreadsheet.ColumnName(i), Value: v)).ToDictionary(c => c.Key, c => c.Value)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["Items"] = sheet, ["Notes"] = new[] { new Dictionary<string, object?> { ["A"] = "not items" } } },
            printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    [Fact]
    public void The_first_sheet_is_read_by_its_header_in_any_order_and_case()
    {
        var workbook = Workbook(
            ["SKU", "Quantity", "length", "width", "height", "weightKg", "fragile", "thisSideUp", "stop"],
            ["CASE-1", 12, 40, 30, 25.5, 4.2, "yes", false, 2],
            [null, null, null, null, null, null, null, null, null],
            ["DRUM", null, 60, 60, 90, 50, "no", true, null]);

        var result = ItemSpreadsheet.Read(new MemoryStream(workbook));

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Items.Count);
        var (first, second) = (result.Items[0], result.Items[1]);
        Assert.Equal(("CASE-1", 12, 40, 30, 25.5, 4.2, true, false, 2), (first.Sku, first.Quantity, first.Length, first.Width, first.Height, first.WeightKg, first.Fragile, first.ThisSideUp, first.Stop));
        Assert.Equal(("DRUM", null, 90, true, null), (second.Sku, second.Quantity, second.Height, second.ThisSideUp, second.Stop));
    }

    [Fact]
    public void Problems_name_the_row_and_the_column_and_nothing_is_imported()
    {
        var workbook = Workbook(
            ["sku", "length", "width", "height", "weightKg"],
            ["GOOD", 40, 30, 20, 3],
            ["BAD", "forty", 30, 20, 3],
            ["WORSE", 40, 30, 20, "heavy"]);

        var result = ItemSpreadsheet.Read(new MemoryStream(workbook));

        Assert.Empty(result.Items);
        Assert.Equal(["row 3, column length: 'forty' is not a number", "row 4, column weightKg: 'heavy' is not a number"], result.Errors);
        Assert.Equal(["row 1: the header needs a 'height' column"],
            ItemSpreadsheet.Read(new MemoryStream(Workbook(["sku", "length", "width"], ["A", 1, 2]))).Errors);
        Assert.Equal(["row 1, column C: unknown column 'depth' (known: " + string.Join(", ", ItemImport.Columns) + ")"],
            ItemSpreadsheet.Read(new MemoryStream(Workbook(["sku", "length", "depth", "width", "height"], ["A", 1, 2, 3, 4]))).Errors);
        Assert.StartsWith("the file is not an .xlsx workbook", Assert.Single(ItemSpreadsheet.Read(new MemoryStream("PK\u0003\u0004 not a zip"u8.ToArray())).Errors));
    }

    [Fact]
    public async Task The_import_endpoint_reads_xlsx_csv_and_forms_and_names_problems()
    {
        using var xlsx = new ByteArrayContent(Workbook(["sku", "length", "width", "height", "quantity"], ["PAL", 120, 80, 100, 3]));
        xlsx.Headers.ContentType = new MediaTypeHeaderValue(PlanSpreadsheet.ContentType);
        using var fromXlsx = await Client.PostAsync("/api/shipments/import", xlsx);
        Assert.Equal(HttpStatusCode.OK, fromXlsx.StatusCode);
        var item = Assert.Single((await fromXlsx.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());
        Assert.Equal(("PAL", 3), (item.GetProperty("sku").GetString(), item.GetProperty("quantity").GetInt32()));

        using var form = new MultipartFormDataContent { { new ByteArrayContent("sku;length;width;height\nBOX;40,5;30;20\n"u8.ToArray()), "file", "items.csv" } };
        using var fromForm = await Client.PostAsync("/api/shipments/import", form);
        Assert.Equal(HttpStatusCode.OK, fromForm.StatusCode);
        Assert.Equal(40.5, (await fromForm.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("length").GetDouble());

        using var bad = new StringContent("sku,length,width,height\nBOX,40,30,tall\n", System.Text.Encoding.UTF8, "text/csv");
        using var refused = await Client.PostAsync("/api/shipments/import", bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("row 2, column height: 'tall' is not a number",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("items")[0].GetString());

        // The API's body limit refuses it before it is read; the form's own limit refuses the same size.
        using var large = new ByteArrayContent(new byte[ItemFiles.MaxBytes + 1]);
        using var tooLarge = await Client.PostAsync("/api/shipments/import", large);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(["the file is larger than 1024 KiB"], (await ItemFiles.ReadAsync(new MemoryStream(new byte[ItemFiles.MaxBytes + 1]), CancellationToken.None)).Errors);
    }

    [Fact]
    public async Task The_plan_workbook_has_the_steps_with_their_boxes_and_the_summary()
    {
        var reference = SampleShipments.NewReference();
        var id = await SampleShipments.CreateAsync(Client, SampleShipments.Small(reference));
        var plan = await SampleShipments.WaitForStatusAsync(Client, id, "packed", "failed");
        Assert.Equal("packed", plan.GetProperty("status").GetString());
        var steps = await Client.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}/steps");

        using var response = await Client.GetAsync($"/api/shipments/{id}/plan.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PlanSpreadsheet.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Steps", "Summary"], MiniExcel.GetSheetNames(workbook));
        var rows = workbook.Query(useHeaderRow: true, sheetName: "Steps").Cast<IDictionary<string, object?>>().ToList();
        var stepRows = rows.Where(r => r["box"] is null).ToList();
        var boxRows = rows.Where(r => r["box"] is not null).ToList();
        Assert.Equal(steps.GetArrayLength(), stepRows.Count);
        Assert.Equal(12, boxRows.Count);
        Assert.Equal(Enumerable.Range(1, 12), boxRows.Select(r => Convert.ToInt32(r["box"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(steps[0].GetProperty("summary").GetString(), stepRows[0]["step description"]);
        var summary = workbook.Query(useHeaderRow: true, sheetName: "Summary").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["item"]!, r => r["value"]);
        Assert.Equal(reference, summary["reference"]);
        Assert.Equal(12.0, Convert.ToDouble(summary["boxes placed"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("x ", (string)summary["centre of gravity"]!);

        using var missing = await Client.GetAsync("/api/shipments/999999/plan.xlsx");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
