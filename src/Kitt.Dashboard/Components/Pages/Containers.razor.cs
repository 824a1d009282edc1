using Kitt.Dashboard.Components.Shell;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Components.Pages;

/// <summary>
/// The live container grid. Updates replace the rows but not the grid's state: sort lives in the grid, the filter
/// and selection here. The selection is a container id, not a row of one poll, so the next poll keeps it.
/// </summary>
public partial class Containers
{
    private const string AllStates = "all";
    private static readonly string[] States = ["running", "restarting", "paused", "exited", "created", "dead"];
    private static readonly TimeSpan TrendWindow = ContainerHistory.Window;

    private ContainersSnapshot? snapshot;
    private ContainersSnapshot? waiting;
    private int missedPolls;
    private bool paused;
    private string search = "";
    private string stateFilter = AllStates;
    private ContainerRow? selected;
    private bool selectedGone;

    [Inject]
    private IOptions<RealtimeOptions> Realtime { get; set; } = default!;

    [Inject]
    private IOptions<DockerOptions> Docker { get; set; } = default!;

    [Inject]
    private ContainerHistory History { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private IReadOnlyList<ContainerRow> Visible =>
        [.. snapshot!.Containers.Where(r => Matches(r))];

    protected override void OnInitialized() => Subscribe(Topics.Containers, batch =>
    {
        if (paused)
        {
            waiting = batch[^1];
            missedPolls += batch.Count;
            return;
        }

        Show(batch[^1]);
    });

    private void Show(ContainersSnapshot next)
    {
        snapshot = next;
        if (selected is null || !next.SourceAvailable)
        {
            return;
        }

        // The drawer follows its container through polls; one that left keeps its last row and says so.
        var current = next.Containers.FirstOrDefault(r => r.Id == selected.Id);
        selectedGone = current is null;
        selected = current ?? selected;
    }

    private void TogglePause()
    {
        paused = !paused;
        if (!paused && waiting is not null)
        {
            Show(waiting);
        }

        waiting = null;
        missedPolls = 0;
    }

    private void Select(ContainerRow? row)
    {
        selected = row;
        selectedGone = false;
    }

    private void RowClicked(MudBlazor.DataGridRowClickEventArgs<ContainerRow> click) => Select(click.Item);

    private void DrawerChanged(bool open)
    {
        if (!open)
        {
            Select(null);
        }
    }

    private bool Matches(ContainerRow row) =>
        (stateFilter == AllStates || row.State == stateFilter)
        && (string.IsNullOrWhiteSpace(search)
            || row.Name.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
            || row.Image.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase));

    private string RowClass(ContainerRow row, int index) =>
        selected is not null && row.Id == selected.Id ? "kitt-row-selected" : "";

    private IReadOnlyList<double> CpuTrend(string id) =>
        [.. History.Of(id, Clock.GetUtcNow() - TrendWindow).Select(s => s.CpuPercent)];

    private string Uptime(ContainerRow row) =>
        row.State == "running" && row.StartedAt is { } started ? Format.Duration(Clock.GetUtcNow() - started) : "—";

    // Running containers by start time (longest up first when ascending); the others after them.
    private static DateTimeOffset StartedForSort(ContainerRow row) =>
        row.State == "running" && row.StartedAt is { } started ? started : DateTimeOffset.MaxValue;

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
