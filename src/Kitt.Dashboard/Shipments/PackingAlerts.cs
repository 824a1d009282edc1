using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.Shipments;

/// <summary>The one place packing failures turn into alerts, so they can be routed through the alert manager later.</summary>
public static class PackingAlerts
{
    public const string Type = "packing";

    public static string KeyOf(string reference) => $"packing:{reference}";

    public static void Failed(ITopicHub hub, string reference, string reason, DateTimeOffset at) =>
        hub.Publish(Topics.Alerts, new AlertEvent(KeyOf(reference), Type, AlertSeverity.Error, Firing: true,
            $"Packing failed for {reference}", reason, at));
}
