using System.Net;
using System.Net.Http.Json;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Dashboard.Tests.Shipments;
using Kitt.Dashboard.Tests.Sockets;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Kitt.Dashboard.Tests.Telemetry;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task With_an_endpoint_metrics_and_traces_of_requests_and_packing_jobs_are_pushed_over_otlp()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var app = await DashboardProcess.StartAsync(new Dictionary<string, string>
        {
            ["OpenTelemetry:Endpoint"] = collector.Address.ToString(),
            // The SDK's own settings, so the test need not wait a minute for the first export.
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        using var http = new HttpClient { BaseAddress = app.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", DashboardAppFactory.BootstrapKey);

        using var created = await http.PostAsJsonAsync("api/shipments", SampleShipments.Small(SampleShipments.NewReference()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
        await SampleShipments.WaitForStatusAsync(http, id, "packed", "failed");

        await Eventually.TrueAsync(() => collector.Holds("traces", "packing.job") && collector.Holds("traces", "/api/shipments")
            && collector.Holds("metrics", "kitt.packing.jobs.finished") && collector.Holds("metrics", "http.server.request.duration"), seconds: 60);
        Assert.Equal(["application/x-protobuf"], collector.ContentTypes("traces"));
    }

    [Fact]
    public void Without_an_endpoint_nothing_is_traced_or_pushed()
    {
        using var app = new DashboardAppFactory();
        _ = app.CreateClient();
        Assert.Null(app.Services.GetService<TracerProvider>());
    }
}
