using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ChecksReport = Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport;

namespace Kitt.Dashboard.Health;

/// <summary>One check's verdict as the probes answer it.</summary>
public sealed record ProbeCheck(string Name, string Status, string? Reason);

/// <summary>A probe's answer: <c>healthy</c> or <c>unhealthy</c>, and each check with its reason.</summary>
public sealed record ProbeAnswer(string Status, IReadOnlyList<ProbeCheck> Checks);

/// <summary>
/// The orchestrator's probes, on ASP.NET Core health checks: <c>/health/live</c> answers while the process serves
/// requests at all (Kestrel listens before the start-up work), <c>/health/ready</c> only once the store is migrated
/// and writable and the start-up work is done, 503 with the reason until then.
/// </summary>
public static class HealthProbes
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddHealthProbes(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseWriteCheck>();
        services.AddHealthChecks()
            .AddCheck<StartupCheck>("startup", tags: [ReadyTag])
            .AddCheck<DatabaseWriteCheck>("database", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthProbes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, ChecksReport report)
    {
        var checks = report.Entries.Select(e => new ProbeCheck(e.Key, Name(e.Value.Status), e.Value.Description)).ToList();
        return context.Response.WriteAsJsonAsync(new ProbeAnswer(Name(report.Status), checks));
    }

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
}
