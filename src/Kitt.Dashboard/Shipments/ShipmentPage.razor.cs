using System.Globalization;
using Kitt.Dashboard.Components.Shell;
using Kitt.Dashboard.Protocol;
using Microsoft.AspNetCore.Components;

namespace Kitt.Dashboard.Shipments;

public partial class ShipmentPage
{
    private ShipmentDetails? details;
    private PlanView? plan;
    private LoadingSequence? sequence;
    private ContainerSteps? shown;
    private PlanViewer? viewer;
    private bool missing;
    private int selected = -1;
    private int step;
    private IDisposable? shortcuts;

    [Parameter]
    public long Id { get; set; }

    [Inject]
    private ShipmentStore Store { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ShortcutRouter PageShortcuts { get; set; } = default!;

    private bool CanPack => details is { Status: not (ShipmentStatus.Queued or ShipmentStatus.Packing) };

    private bool CanCancel => details is { Status: ShipmentStatus.Queued or ShipmentStatus.Packing };

    protected override void OnInitialized()
    {
        shortcuts = PageShortcuts.Register(OnShortcutAsync);
        var id = Id.ToString(CultureInfo.InvariantCulture);
        Subscribe(PackingEvent.Topic, batch =>
        {
            if (batch.Any(e => e.ShipmentId == id))
            {
                _ = InvokeAsync(async () =>
                {
                    await LoadAsync();
                    StateHasChanged();
                });
            }
        });
    }

    /// <summary>How many loads were started: the number of the latest.</summary>
    private int loads;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        // Loads started by events may overlap and finish out of order: only the latest one started may apply, so an
        // older read ("packing") never lands over a newer one ("packed").
        var load = ++loads;
        var fresh = await Store.GetAsync(Id);
        if (load != loads)
        {
            return;
        }

        missing = fresh is null;
        // A new plan replaces the view; the same plan keeps the view and its state in the browser.
        if (fresh?.Plan?.CreatedAt != details?.Plan?.CreatedAt || fresh?.Status != details?.Status || plan is null)
        {
            var stored = fresh is null ? null : await Store.GetPlanAsync(Id);
            if (load != loads)
            {
                return;
            }

            plan = stored;
            // The view plays the plan in loading steps, so its boxes come in step order.
            sequence = plan is { Placements.Count: > 0 } && fresh is not null ? LoadingSteps.Group(plan, fresh.Items) : null;
            plan = sequence?.Plan ?? plan;
            shown = sequence?.InContainer(Math.Clamp(shown?.Container ?? 0, 0, Math.Max(0, sequence.Containers - 1)));
            step = shown?.Plan.Placements.Count ?? 0;
            selected = -1;
        }

        details = fresh;
    }

    private async Task PackAsync()
    {
        if (await Store.QueueAsync(Id) == true)
        {
            await LoadAsync();
        }
    }

    private async Task CancelAsync()
    {
        await Store.CancelAsync(Id);
        await LoadAsync();
    }

    private async Task OnShortcutAsync(Shortcut shortcut)
    {
        if (shortcut.Keys == Shortcuts.Pack && CanPack)
        {
            await PackAsync();
            await InvokeAsync(StateHasChanged);
        }
        else if (shortcut.Keys == Shortcuts.NextContainer && sequence is { Containers: > 1 } && shown is not null)
        {
            Show((shown.Container + 1) % sequence.Containers);
            await InvokeAsync(StateHasChanged);
        }
        else if (shortcut.Keys == Shortcuts.NewShipment)
        {
            Navigation.NavigateTo("shipments/new");
        }
    }

    private void OnSelect(int index) => selected = index;

    /// <summary>Shows one container in the view, loaded in full, nothing selected.</summary>
    private void Show(int container)
    {
        if (sequence is null || container == shown?.Container)
        {
            return;
        }

        shown = sequence.InContainer(container);
        step = shown.Plan.Placements.Count;
        selected = -1;
    }

    private string LoadedText()
    {
        var steps = sequence!.Steps.Count(s => s.Container == shown!.Container);
        var boxes = Format.Count(shown!.Plan.Placements.Count, "box", "boxes");
        return sequence.Containers > 1
            ? $"Container {shown.Container + 1} of {sequence.Containers}: all {boxes} loaded in {Format.Count(steps, "step", "steps")}."
            : $"All {boxes} loaded in {Format.Count(steps, "step", "steps")}.";
    }

    private void OnStep(int shown) => step = shown;

    /// <summary>Where the view stands in the loading steps: a whole step, or a box within one when stepped by box.</summary>
    private string StepText(LoadingSequence s)
    {
        // The view counts boxes in the container it shows; the steps are numbered over the whole plan.
        var box = shown!.Offset + step;
        var current = s.StepOf(box);
        var start = s.Ends[current.Number - 1] - current.Count;
        return box == s.Ends[current.Number - 1]
            ? $"Step {current.Number} of {s.Steps.Count}: {current.Summary}."
            : $"Step {current.Number} of {s.Steps.Count}, box {box - start} of {current.Count}: {current.Sku} at {Position(shown.Plan.Placements[step - 1])}.";
    }

    private static string Position(PlacementView p) =>
        string.Create(CultureInfo.InvariantCulture, $"x {p.X:0.#}, y {p.Y:0.#}, z {p.Z:0.#} cm");

    protected override void OnDisposed() => shortcuts?.Dispose();

    /// <summary>Route, priority and size; the sending system's own id when it gave one.</summary>
    private static string Subtitle(ShipmentDetails d) =>
        $"{d.Origin} → {d.Destination} · {d.Priority} priority · {Format.Count(d.Items.Count, "line", "lines")}, "
        + Format.Count(d.Items.Sum(i => i.Quantity ?? 1), "box", "boxes")
        + (d.ExternalId is { } external ? $" · client id {external}" : "");
}
