using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Kitt.Dashboard.Shipments;

public partial class PlanViewer
{
    /// <summary>The plan to draw; it is sent to the browser once per plan, not per render.</summary>
    [Parameter, EditorRequired]
    public PlanView Plan { get; set; } = default!;

    /// <summary>Boxes loaded once each loading step is done; the view plays and steps by these (by box without them).</summary>
    [Parameter]
    public IReadOnlyList<int> StepEnds { get; set; } = [];

    /// <summary>Raised with the index of the picked placement, or -1 when the selection is cleared.</summary>
    [Parameter]
    public EventCallback<int> OnSelect { get; set; }

    /// <summary>Raised with the number of boxes shown when the load sequence is stepped in the browser.</summary>
    [Parameter]
    public EventCallback<int> OnStep { get; set; }

    private ElementReference canvas;
    private IJSObjectReference? module;
    private IJSObjectReference? viewer;
    private DotNetObjectReference<PlanViewer>? self;
    private PlanView? sent;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (ReferenceEquals(sent, Plan))
        {
            return;
        }

        sent = Plan;
        self ??= DotNetObjectReference.Create(this);
        module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Shipments/PlanViewer.razor.js");
        await DisposeViewerAsync();
        viewer = await module.InvokeAsync<IJSObjectReference>("create", canvas, self, Payload(Plan, StepEnds));
    }

    /// <summary>Starts or pauses the load-sequence playback.</summary>
    public async Task TogglePlayAsync()
    {
        if (viewer is not null)
        {
            await viewer.InvokeVoidAsync("togglePlay");
        }
    }

    /// <summary>Highlights a placement chosen outside the view (the details list).</summary>
    public async Task SelectAsync(int index)
    {
        if (viewer is not null)
        {
            await viewer.InvokeVoidAsync("select", index);
        }
    }

    [JSInvokable]
    public Task Selected(int index) => OnSelect.InvokeAsync(index);

    [JSInvokable]
    public Task Stepped(int step) => OnStep.InvokeAsync(step);

    // Flat numbers instead of objects: a thousand boxes cross the circuit as one compact array.
    private static object Payload(PlanView plan, IReadOnlyList<int> ends) => new
    {
        container = new { length = plan.Container.Length, width = plan.Container.Width, height = plan.Container.Height },
        skus = plan.Placements.Select(p => p.Sku).ToArray(),
        steps = ends,
        boxes = plan.Placements.SelectMany(p => new[]
        {
            p.X, p.Y, p.Z, p.Length, p.Width, p.Height, p.Line, p.WeightKg, p.Fragile ? 1 : 0, p.Stop ?? -1,
        }).ToArray(),
    };

    private async Task DisposeViewerAsync()
    {
        if (viewer is not null)
        {
            await viewer.InvokeVoidAsync("dispose");
            await viewer.DisposeAsync();
            viewer = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DisposeViewerAsync();
            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone together with the view.
        }

        self?.Dispose();
    }
}
