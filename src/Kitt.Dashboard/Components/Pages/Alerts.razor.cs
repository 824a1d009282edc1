using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Components.Alerts;
using Kitt.Dashboard.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Kitt.Dashboard.Components.Pages;

/// <summary>
/// The analysts' history: filters live in the address (shareable; Back undoes a filter), the server filters,
/// sorts and pages, and new alerts refresh the page being looked at.
/// </summary>
public partial class Alerts
{
    private MudTable<AlertRow>? table;
    private AlertFilter filter = AlertFilter.All;
    private AlertRow? shown;
    private IReadOnlyList<AlertChange> timeline = [];
    private string? error;
    private string reader = "";

    [Inject]
    private AlertQueries Queries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IOptions<RealtimeOptions> Realtime { get; set; } = default!;

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
        reader = AlertEndpoints.ReaderId((await Authentication).User);
        Navigation.LocationChanged += OnLocationChanged;
        ReadAddress();
        Subscribe(Topics.Alerts, _ => table?.ReloadServerData() ?? Task.CompletedTask);
    }

    protected override void OnDisposed() => Navigation.LocationChanged -= OnLocationChanged;

    private void OnLocationChanged(object? sender, Microsoft.AspNetCore.Components.Routing.LocationChangedEventArgs e)
    {
        // Back and Forward move between filters: the address is the page's state.
        _ = InvokeAsync(async () =>
        {
            ReadAddress();
            if (table is not null)
            {
                await table.ReloadServerData();
            }

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

    private async Task<TableData<AlertRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var sort = state.SortLabel switch
        {
            "severity" => AlertSort.Severity,
            "type" => AlertSort.Type,
            "source" => AlertSort.Source,
            _ => AlertSort.FiredAt,
        };
        var page = await Queries.PageAsync(
            filter with
            {
                Skip = state.Page * state.PageSize,
                Take = state.PageSize,
                Sort = sort,
                Descending = state.SortDirection != SortDirection.Ascending,
            },
            reader,
            cancellationToken: cancellationToken);
        return new TableData<AlertRow> { TotalItems = page.Total, Items = page.Items };
    }

    private async Task ShowAsync(AlertRow row)
    {
        shown = row;
        timeline = await Queries.TimelineAsync(row.Id);
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
