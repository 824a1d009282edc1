using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Components.Shell;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.HostMetrics;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Sessions;
using Kitt.Dashboard.Shipments;

namespace Kitt.Dashboard.Overview;

public partial class OverviewPage
{
    private const int Latest = 5;

    private HostSample? metrics;
    private List<HostSample> recent = [];
    private ContainersSnapshot? containers;
    private IReadOnlyList<AlertRow> latestAlerts = [];
    private IReadOnlyList<ShipmentSummary> latestShipments = [];
    private ShipmentSummary? lastFinished;
    private int waiting;
    private int firingAlerts;
    private int openSessions;
    private DateTimeOffset now;

    private int Unhealthy => containers?.Containers.Count(c => c.Health == "unhealthy") ?? 0;

    // Thresholds an Admin changed at runtime are the ones in force.
    private AlertThresholdValues Thresholds => AlertThresholds.Current;

    private int Running => Count("running");

    private string PackingDetail => lastFinished is { } last
        ? $"{last.Status}{(last.Utilization is { } u ? $" · {Format.Percent(u * 100)} full" : "")}" + (waiting > 0 ? $" · {waiting} waiting" : "")
        : "Packed shipments appear here as they finish.";

    private int Count(string state) => containers?.Containers.Count(c => c.State == state) ?? 0;

    protected override async Task OnInitializedAsync()
    {
        now = Clock.GetUtcNow();
        recent = [.. HostHistory.Recent()];
        metrics = recent.LastOrDefault();
        Subscribe(HostSample.Topic, batch =>
        {
            metrics = batch[^1];
            now = Clock.GetUtcNow();
            recent.AddRange(batch.Where(s => recent.Count == 0 || s.At > recent[^1].At));
            recent.RemoveAll(s => s.At < now - HostHistory.Window);
        });
        Subscribe(ContainersSnapshot.Topic, batch => containers = batch[^1]);

        // Read from the store, which holds every alert and shipment before it is announced: right after a restart too.
        Subscribe(AlertEvent.Topic, _ => LoadAlertsAsync());
        Subscribe(PackingEvent.Topic, _ => LoadShipmentsAsync());
        openSessions = Circuits.OpenSessions;
        Subscribe(SessionEvent.Topic, batch => openSessions = batch[^1].OpenSessions);
        await LoadAlertsAsync();
        await LoadShipmentsAsync();
    }

    private IReadOnlyList<(DateTimeOffset At, double Value)> Points(Func<HostSample, double> value) =>
        [.. recent.Select(s => (s.At, value(s)))];

    private async Task LoadAlertsAsync()
    {
        firingAlerts = (await AlertQueries.PageAsync(AlertFilter.All with { State = AlertState.Firing, Take = 1 }, readerId: "")).Total;
        latestAlerts = (await AlertQueries.PageAsync(AlertFilter.All with { Take = Latest }, readerId: "")).Items;
    }

    private async Task LoadShipmentsAsync()
    {
        var shipments = await Shipments.ListAsync(50);
        latestShipments = [.. shipments.Take(Latest)];
        lastFinished = shipments.Where(s => ShipmentStatus.IsFinished(s.Status)).MaxBy(s => s.UpdatedAt);
        waiting = shipments.Count(s => s.Status is ShipmentStatus.Queued or ShipmentStatus.Packing);
    }
}
