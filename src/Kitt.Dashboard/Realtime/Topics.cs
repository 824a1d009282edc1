using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.HostMetrics;
using Kitt.Dashboard.RouteNews;
using Kitt.Dashboard.Sessions;
using Kitt.Dashboard.Shipments;

namespace Kitt.Dashboard.Realtime;

/// <summary>The topics of the live UI. Their names are the contract other parts and /stats rely on.</summary>
public static class Topics
{
    public static readonly Topic<HostSample> Metrics = Topic.Snapshot<HostSample>("metrics");

    public static readonly Topic<ContainersSnapshot> Containers = Topic.Snapshot<ContainersSnapshot>("containers");

    public static readonly Topic<SessionEvent> Sessions = Topic.Events<SessionEvent>("sessions");

    public static readonly Topic<AlertEvent> Alerts = Topic.Events<AlertEvent>("alerts");

    public static readonly Topic<PackingEvent> Packing = Topic.Events<PackingEvent>("packing");

    public static readonly Topic<RouteEvent> Routes = Topic.Events<RouteEvent>("routes");

    /// <summary>Every topic of the contract, so /stats lists topics nobody has used yet.</summary>
    public static readonly IReadOnlyList<(string Name, TopicKind Kind)> All =
    [
        (Metrics.Name, Metrics.Kind),
        (Containers.Name, Containers.Kind),
        (Sessions.Name, Sessions.Kind),
        (Alerts.Name, Alerts.Kind),
        (Packing.Name, Packing.Kind),
        (Routes.Name, Routes.Kind),
    ];
}
