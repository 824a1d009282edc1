using Kitt.Dashboard.Components.Shell;
using Kitt.Dashboard.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Containers;

/// <summary>
/// The live container grid. Updates replace the figures but not the grid's state: sort lives in the grid, the
/// filter and selection here. Each container keeps one <see cref="LiveRow"/> across polls, so the grid keeps its
/// rows and a poll sends only the cells that changed, and the selection follows the container, not one poll's row.
/// </summary>
public partial class ContainersPage
{
    private const string AllStates = "all";
    private const string NoProject = "(no project)";
    private static readonly string[] States = ["running", "restarting", "paused", "exited", "created", "dead"];
    private static readonly TimeSpan TrendWindow = ContainerHistory.Window;

    private readonly Dictionary<string, LiveRow> live = new(StringComparer.Ordinal);
    private ContainersSnapshot? snapshot;
    private ContainersSnapshot? waiting;
    private int missedPolls;
    private bool paused;
    private string search = "";
    private string stateFilter = AllStates;
    private bool groupByProject = true;
    private ContainerRow? selected;
    private bool selectedGone;

    [Inject]
    private IOptions<FeatureOptions> Realtime { get; set; } = default!;

    [Inject]
    private IOptions<DockerOptions> Docker { get; set; } = default!;

    [Inject]
    private ContainerHistory History { get; set; } = default!;

    [Inject]
    private ContainerActions Actions { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private IReadOnlyList<LiveRow> Visible => [.. live.Values.Where(r => Matches(r.Row))];

    private bool ActionsAllowed => Actions.Allowed;

    protected override void OnInitialized() => Subscribe(ContainersSnapshot.Topic, batch =>
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
        if (!next.SourceAvailable)
        {
            return;
        }

        Refresh(next.Containers);
        if (selected is null)
        {
            return;
        }

        // The drawer follows its container through polls; one that left keeps its last row and says so.
        var current = next.Containers.FirstOrDefault(r => r.Id == selected.Id);
        selectedGone = current is null;
        selected = current ?? selected;
    }

    private void Refresh(IReadOnlyList<ContainerRow> rows)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            present.Add(row.Id);
            if (live.TryGetValue(row.Id, out var kept))
            {
                kept.Row = row;
            }
            else
            {
                live[row.Id] = new LiveRow(row);
            }
        }

        foreach (var gone in live.Keys.Where(id => !present.Contains(id)).ToList())
        {
            live.Remove(gone);
        }
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

    private void RowClicked(MudBlazor.DataGridRowClickEventArgs<LiveRow> click) => Select(click.Item.Row);

    private void DrawerChanged(bool open)
    {
        if (!open)
        {
            Select(null);
        }
    }

    // The filter finds a container by its name, image, compose project, or a label as key=value (or part of one).
    private bool Matches(ContainerRow row)
    {
        if (stateFilter != AllStates && row.State != stateFilter)
        {
            return false;
        }

        var term = search.Trim();
        return term.Length == 0
            || row.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
            || row.Image.Contains(term, StringComparison.OrdinalIgnoreCase)
            || (row.ComposeProject?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false)
            || (row.Labels?.Any(l => $"{l.Key}={l.Value}".Contains(term, StringComparison.OrdinalIgnoreCase)) ?? false);
    }

    private string RowClass(LiveRow row, int index) =>
        selected is not null && row.Row.Id == selected.Id ? "kitt-row-selected" : "";

    private IReadOnlyList<double> CpuTrend(string id) =>
        [.. History.Of(id, Clock.GetUtcNow() - TrendWindow).Select(s => s.CpuPercent)];

    private string Uptime(ContainerRow row) =>
        row.State == "running" && row.StartedAt is { } started ? Format.Duration(Clock.GetUtcNow() - started) : "—";

    // Running containers by start time (longest up first when ascending); the others after them.
    private static DateTimeOffset StartedForSort(ContainerRow row) =>
        row.State == "running" && row.StartedAt is { } started ? started : DateTimeOffset.MaxValue;

    private static string Containers(int count) => count == 1 ? "1 container" : $"{count} containers";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>One container's place in the grid, kept across polls; only its figures change.</summary>
    private sealed class LiveRow(ContainerRow row)
    {
        public ContainerRow Row { get; set; } = row;
    }
}
