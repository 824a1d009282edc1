using System.Diagnostics.Metrics;
using Kitt.Dashboard.Hosting;

namespace Kitt.Dashboard.Sessions;

/// <summary>Open browser circuits, and how many of them have their link up.</summary>
public sealed class SessionMetrics : IFeatureMetrics
{
    public const string MeterName = FeatureMetrics.Prefix + ".Sessions";

    public SessionMetrics(IMeterFactory meters, CircuitTracker tracker)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableUpDownCounter("kitt.circuits.open", () => tracker.OpenCircuits, "{circuit}", "Open browser circuits (one per tab)");
        meter.CreateObservableUpDownCounter("kitt.circuits.connected", () => tracker.ConnectedCircuits, "{circuit}",
            "Open browser circuits whose link is up");
    }
}
