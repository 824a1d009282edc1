using Kitt.Dashboard.Data;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Kitt.Dashboard.Alerts;

/// <summary>
/// The analysts' history: filters live in the address (shareable; Back undoes a filter); the server filters and
/// sorts, and the virtualised grid asks it only for the rows in view; a chart counts the filtered set over time by
/// severity and type. New alerts refresh what is in view.
/// </summary>
public partial class AlertsPage
{
    /// <summary>The chart counts a whole filtered set; live alerts recount it at most this often.</summary>
    private static readonly TimeSpan CountsRefresh = TimeSpan.FromSeconds(10);

    private MudDataGrid<AlertRow>? grid;
    private AlertCounts? counts;
    private DateTimeOffset countedAt;
    private CancellationTokenSource? counting;
    private int total;
    private bool totalCapped;
    private AlertFilter filter = AlertFilter.All;
    private AlertRow? shown;
    private IReadOnlyList<AlertChange> timeline = [];
    private string? error;
    private string reader = "";
    private string userName = "";
    private bool canRespond;

    [Inject]
    private AlertQueries Queries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IOptions<FeatureOptions> Realtime { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    private const string Any = "";

    private string Q => filter.Text ?? Any;

    private string SeverityValue => filter.Severities.Count == 1 ? AlertLook.Name(filter.Severities[0]) : Any;

    private string TypeValue => filter.Type ?? Any;

    private string StateValue => filter.State?.ToString().ToLowerInvariant() ?? Any;

    private string SourceValue => filter.Source ?? Any;

    private string UnreadValue => filter.Unread?.ToString().ToLowerInvariant() ?? Any;

    private string CsvHref => "api/alerts.csv" + (filter.ToQuery() is { Length: > 0 } q ? "?" + q : "");

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        reader = Callers.Id(user);
        userName = Callers.Name(user);
        canRespond = Policies.Allows(user, Policies.Respond);
        Navigation.LocationChanged += OnLocationChanged;
        ReadAddress();
        Subscribe<AlertEvent>(AlertEvent.Topic, OnAlertsAsync);
        _ = CountAsync();
    }

    protected override void OnDisposed()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        counting?.Cancel();
        counting?.Dispose();
    }

    private async Task OnAlertsAsync(IReadOnlyList<AlertEvent> batch)
    {
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }

        if (TimeProvider.System.GetUtcNow() - countedAt > CountsRefresh)
        {
            _ = CountAsync();
        }
    }

    private string TotalText => total == 0 ? "" : totalCapped
        ? $"More than {total:N0} alerts match; the newest {total:N0} are listed. Narrow the filters, or export them all as CSV."
        : $"{total:N0} alert{(total == 1 ? "" : "s")}";

    private static string StateText(AlertRow row) =>
        row.State == AlertState.Firing ? "firing" : $"resolved {row.ResolvedAt?.ToLocalTime():HH:mm:ss}";

    /// <summary>Recounts the chart in the background, so a large set never holds up the rows.</summary>
    private async Task CountAsync()
    {
        counting?.Cancel();
        counting?.Dispose();
        var cancel = counting = new CancellationTokenSource();
        countedAt = TimeProvider.System.GetUtcNow();
        try
        {
            var next = await Queries.CountsAsync(filter, reader, cancellationToken: cancel.Token);
            await InvokeAsync(() =>
            {
                counts = next;
                StateHasChanged();
            });
        }
        catch (OperationCanceledException)
        {
            // A newer filter replaced this count.
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            // The chart keeps its last counts; the grid reports a failing store on its own.
        }
    }

    private Task RowClicked(DataGridRowClickEventArgs<AlertRow> args) => ShowAsync(args.Item);

    private void OnLocationChanged(object? sender, Microsoft.AspNetCore.Components.Routing.LocationChangedEventArgs e)
    {
        // Back and Forward move between filters: the address is the page's state.
        _ = InvokeAsync(async () =>
        {
            ReadAddress();
            if (grid is not null)
            {
                await grid.ReloadServerData();
            }

            _ = CountAsync();
            StateHasChanged();
        });
    }

    private void ReadAddress()
    {
        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        if (AlertFilter.TryParse(new QueryCollection(query), out var parsed, out var errors))
        {
            filter = parsed;
            error = null;
        }
        else
        {
            filter = parsed;
            error = string.Join(" ", errors.SelectMany(e => e.Value));
        }
    }

    private void Apply(AlertFilter next)
    {
        var query = next.ToQuery();
        Navigation.NavigateTo("alerts" + (query.Length > 0 ? "?" + query : ""));
    }

    private async Task<GridData<AlertRow>> LoadAsync(GridStateVirtualize<AlertRow> state, CancellationToken cancellationToken)
    {
        var order = state.SortDefinitions.FirstOrDefault();
        var sort = order?.SortBy switch
        {
            nameof(AlertRow.Severity) => AlertSort.Severity,
            nameof(AlertRow.Type) => AlertSort.Type,
            nameof(AlertRow.Source) => AlertSort.Source,
            _ => AlertSort.FiredAt,
        };
        var page = await Queries.PageAsync(
            filter with
            {
                Skip = state.StartIndex,
                Take = Math.Clamp(state.Count, 1, AlertFilter.MaxTake),
                Sort = sort,
                Descending = order?.Descending ?? true,
            },
            reader,
            cancellationToken: cancellationToken);
        if (page.Total != total || page.TotalCapped != totalCapped)
        {
            (total, totalCapped) = (page.Total, page.TotalCapped);
            StateHasChanged();
        }

        return new GridData<AlertRow> { TotalItems = page.Total, Items = page.Items };
    }

    private async Task ShowAsync(AlertRow row)
    {
        shown = row;
        timeline = await Queries.TimelineAsync(row.Id) ?? []; // none when the alert was archived meanwhile
    }

    /// <summary>After an acknowledgement or a silence: the row again as stored, and the grid with it.</summary>
    private async Task ReloadShownAsync()
    {
        if (shown is not null)
        {
            shown = await Queries.FindAsync(shown.Id, reader) ?? shown;
        }

        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    private void SetText(string value) => Apply(filter with { Text = NullIfEmpty(value) });

    private void SetSeverity(string value) =>
        Apply(filter with { Severities = value == Any ? [] : [Enum.Parse<AlertSeverity>(value, ignoreCase: true)] });

    private void SetType(string value) => Apply(filter with { Type = NullIfEmpty(value) });

    private void SetState(string value) =>
        Apply(filter with { State = value == Any ? null : Enum.Parse<AlertState>(value, ignoreCase: true) });

    private void SetSource(string value) => Apply(filter with { Source = NullIfEmpty(value) });

    private void SetUnread(string value) => Apply(filter with { Unread = value == Any ? null : bool.Parse(value) });

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
