using Microsoft.AspNetCore.Components;

namespace Kitt.Dashboard.Containers;

/// <summary>
/// A container's log, followed live: the server reads the engine's stream into a bounded ring and the view shows the
/// newest lines, redrawn at most four times a second however fast the container writes. Pausing freezes the view
/// where it is while the ring goes on filling; the stream ends when the view does.
/// </summary>
public partial class ContainerLogView
{
    /// <summary>Lines kept per viewer.</summary>
    public const int RingCapacity = 5000;

    /// <summary>Lines drawn at once: the page stays light, the download has the rest.</summary>
    public const int DrawnLines = 500;

    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(250);

    private LogRing ring = new(RingCapacity);
    private LogLine[] frozen = [];
    private CancellationTokenSource? reading;
    private PeriodicTimer? redraw;
    private string? following;
    private string? problem;
    private string search = "";
    private bool paused;
    private long drawn;

    [Inject]
    private ContainerLogs Logs { get; set; } = default!;

    [Parameter, EditorRequired]
    public string ContainerId { get; set; } = "";

    [Parameter]
    public string Name { get; set; } = "";

    private IEnumerable<LogLine> Shown
    {
        get
        {
            var lines = paused ? frozen : ring.Snapshot();
            var matching = string.IsNullOrWhiteSpace(search)
                ? lines
                : [.. lines.Where(l => l.Text.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase))];
            return matching.Length > DrawnLines ? matching[^DrawnLines..] : matching;
        }
    }

    private string DownloadHref =>
        $"/api/containers/{Uri.EscapeDataString(ContainerId)}/logs?format=text&tail={RingCapacity}"
        + (string.IsNullOrWhiteSpace(search) ? "" : "&q=" + Uri.EscapeDataString(search.Trim()));

    private string Status => problem ?? (paused
        ? $"Paused · {ring.Written - drawn:N0} new lines since"
        : $"Following · {ring.Written:N0} lines received, the last {Math.Min(ring.Written, RingCapacity):N0} kept");

    protected override void OnParametersSet()
    {
        if (following == ContainerId)
        {
            return;
        }

        Stop();
        following = ContainerId;
        ring = new LogRing(RingCapacity);
        problem = null;
        reading = new CancellationTokenSource();
        _ = ReadAsync(ContainerId, ring, reading.Token);
        redraw = new PeriodicTimer(RedrawEvery);
        _ = RedrawAsync(redraw, ring);
    }

    private async Task ReadAsync(string id, LogRing into, CancellationToken token)
    {
        try
        {
            await foreach (var line in Logs.ReadAsync(id, 200, null, follow: true, token))
            {
                into.Add(line with { Text = AnsiText.Strip(line.Text) });
            }

            problem = "The log ended: the container stopped. Its lines stay below.";
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return; // the view closed or moved to another container: nothing left to draw
        }
        catch (Exception ex)
        {
            problem = "The log cannot be read: " + ex.GetBaseException().Message;
        }

        if (!token.IsCancellationRequested)
        {
            await InvokeAsync(StateHasChanged);
        }
    }

    // Coalesced like every live view: a redraw only when lines arrived and the view follows them.
    private async Task RedrawAsync(PeriodicTimer timer, LogRing of)
    {
        try
        {
            while (await timer.WaitForNextTickAsync())
            {
                if (!paused && of.Written != drawn)
                {
                    drawn = of.Written;
                    await InvokeAsync(StateHasChanged);
                }
            }
        }
        catch (ObjectDisposedException)
        {
            // The circuit is gone.
        }
    }

    private void TogglePause()
    {
        paused = !paused;
        frozen = paused ? ring.Snapshot() : [];
        drawn = ring.Written;
    }

    private void Stop()
    {
        reading?.Cancel();
        reading?.Dispose();
        reading = null;
        redraw?.Dispose();
        redraw = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
