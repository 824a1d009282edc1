using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Security;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kitt.Dashboard.Telemetry;

public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Every feature's meter (<c>Kitt.Dashboard.*</c>) plus ASP.NET Core's, Kestrel's, SignalR's and the runtime's,
    /// through OpenTelemetry: scraped at <c>/metrics</c> in the Prometheus text format, and pushed with the traces of
    /// requests, packing jobs, the outbox relay and Kafka consumption over OTLP when <c>OpenTelemetry:Endpoint</c> is set.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.Section);
        // Which exporters exist is decided while the container is built, before options can be resolved; the values are
        // still checked at start like every other option.
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = options.Validate(new(options)).Any() ? null : options.EndpointUri;

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(FeatureMetrics.Prefix + ".*")
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections", "System.Runtime")
                .AddPrometheusExporter();
            if (otlp is not null)
            {
                metrics.AddOtlpExporter(o => Otlp(o, otlp, "v1/metrics"));
            }
        });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(FeatureMetrics.Prefix + ".*")
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbeOrScrape(context.Request.Path))
                .AddOtlpExporter(o => Otlp(o, otlp, "v1/traces")));
        }

        return services;
    }

    /// <summary>
    /// <c>GET /metrics</c> for Operator and Admin keys (Prometheus sends its key as <c>Authorization: Bearer</c>); and
    /// every feature's observable instruments created now, so the first scrape already has them.
    /// </summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        _ = endpoints.ServiceProvider.GetServices<IFeatureMetrics>().ToList();
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Policies.Operate);
        return endpoints;
    }

    // With an explicit endpoint, OTLP/HTTP takes the address as given: the signal's path has to be added here.
    private static void Otlp(OtlpExporterOptions exporter, Uri collector, string signalPath)
    {
        exporter.Endpoint = new Uri(collector, signalPath);
        exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
    }

    private static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);
}
