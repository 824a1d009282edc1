using System.Diagnostics.Metrics;
using Kitt.Dashboard.Hosting;

namespace Kitt.Dashboard.Alerts;

/// <summary>Alerts fired and resolved, by type and severity, counted as they are stored and announced.</summary>
public sealed class AlertMetrics : IFeatureMetrics
{
    public const string MeterName = FeatureMetrics.Prefix + ".Alerts";

    private readonly Counter<long> fired;
    private readonly Counter<long> resolved;

    public AlertMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        fired = meter.CreateCounter<long>("kitt.alerts.fired", "{alert}", "Alerts fired, by type and severity");
        resolved = meter.CreateCounter<long>("kitt.alerts.resolved", "{alert}", "Alerts resolved, by type and severity");
    }

    public void Announced(AlertEvent alert)
    {
        var counter = alert.State == AlertState.Firing ? fired : resolved;
        counter.Add(1, FeatureMetrics.Tag("type", alert.Type), FeatureMetrics.Tag("severity", alert.Severity.ToString().ToLowerInvariant()));
    }
}
