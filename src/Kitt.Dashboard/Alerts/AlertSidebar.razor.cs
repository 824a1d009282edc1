using Kitt.Dashboard.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kitt.Dashboard.Alerts;

public partial class AlertSidebar
{
    private static string CountText(AlertPage page) =>
        $"{page.Total:N0}{(page.TotalCapped ? "+" : "")} alert{(page.Total == 1 ? "" : "s")}"
        + (page.Total > page.Items.Count ? $", newest {page.Items.Count} shown" : "");

    private const string Any = "";
    private const int Shown = 100;
    private AlertPage? shown;
    private string text = "";
    private string severity = Any;
    private string type = Any;
    private string state = Any;
    private bool muted;
    private bool sound;
    private string reader = "";
    private string userName = "";
    private bool canRespond;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>The alert to show highlighted, e.g. the one whose toast was clicked.</summary>
    [Parameter]
    public long? Focus { get; set; }

    [Parameter]
    public EventCallback OnClose { get; set; }

    /// <summary>Raised after read marks change, so the bell can recount.</summary>
    [Parameter]
    public EventCallback OnReadChanged { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        reader = Callers.Id(user);
        userName = Callers.Name(user);
        canRespond = Policies.Allows(user, Policies.Respond);
        (muted, sound) = await Queries.ToastSettingsAsync(reader);
        // New alerts are prepended by reloading the newest page: the filters apply to them too.
        Subscribe(AlertEvent.Topic, _ => LoadAsync());
        await LoadAsync();
    }

    private AlertFilter Filter() => new(
        severity == Any ? [] : [Enum.Parse<AlertSeverity>(severity, ignoreCase: true)],
        Type: type == Any ? null : type,
        State: state == Any ? null : Enum.Parse<AlertState>(state, ignoreCase: true),
        Text: string.IsNullOrWhiteSpace(text) ? null : text,
        Take: Shown);

    private async Task LoadAsync() => shown = await Queries.PageAsync(Filter(), reader, forSidebar: true);

    private async Task TextChanged(string value) { text = value ?? ""; await LoadAsync(); }

    private async Task SeverityChanged(string value) { severity = value; await LoadAsync(); }

    private async Task TypeChanged(string value) { type = value; await LoadAsync(); }

    private async Task StateChanged(string value) { state = value; await LoadAsync(); }

    private async Task MarkReadAsync(AlertRow alert)
    {
        await Queries.MarkReadAsync(alert.Id, reader);
        await LoadAsync();
        await OnReadChanged.InvokeAsync();
    }

    private async Task MarkAllReadAsync()
    {
        await Queries.MarkAllReadAsync(reader);
        await LoadAsync();
        await OnReadChanged.InvokeAsync();
    }

    private async Task ClearAsync()
    {
        await Queries.ClearAsync(reader);
        await LoadAsync();
        await OnReadChanged.InvokeAsync();
    }

    private async Task MuteChanged(bool value)
    {
        muted = value;
        await Queries.SetMutedAsync(reader, value);
    }

    private async Task SoundChanged(bool value)
    {
        sound = value;
        await Queries.SetSoundAsync(reader, value);
    }

    private string ItemClass(AlertRow alert) =>
        (alert.Read ? "kitt-alert-read" : "kitt-alert-unread") + (alert.Id == Focus ? " kitt-alert-focus" : "");
}
