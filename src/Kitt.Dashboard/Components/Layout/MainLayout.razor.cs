using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Components.Shell;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Kitt.Dashboard.Components.Layout;

public partial class MainLayout
{
    private bool drawerOpen = true;
    private bool darkMode;
    private IDialogReference? shortcutsDialog;

    [CascadingParameter(Name = "InitialDarkMode")]
    private bool InitialDarkMode { get; set; }

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private BrowserPreferences Preferences { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ShortcutRouter PageShortcuts { get; set; } = default!;

    private static readonly DialogOptions ShortcutsDialogOptions = new()
    {
        CloseOnEscapeKey = true,
        CloseButton = true,
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
        DefaultFocus = DefaultFocus.FirstChild,
    };

    protected override void OnInitialized() => darkMode = InitialDarkMode;

    private AlertBell? bell;
    private bool alertsOpen;
    private long? alertFocus;

    private void ToggleDrawer() => drawerOpen = !drawerOpen;

    private void OpenAlerts(long? focus)
    {
        alertFocus = focus;
        alertsOpen = true;
    }

    private Task RecountAsync() => bell?.RecountAsync() ?? Task.CompletedTask;

    private async Task ToggleThemeAsync()
    {
        darkMode = !darkMode;
        await Preferences.SetDarkModeAsync(darkMode);
    }

    private async Task ShowShortcutsAsync()
    {
        if (shortcutsDialog is { Result.IsCompleted: false })
        {
            return;
        }

        shortcutsDialog = await Dialogs.ShowAsync<ShortcutsDialog>("Keyboard shortcuts", ShortcutsDialogOptions);
    }

    private async Task OnShortcutAsync(Shortcut shortcut)
    {
        switch (shortcut.Keys)
        {
            case Shortcuts.Help:
                await ShowShortcutsAsync();
                break;
            case Shortcuts.ToggleTheme:
                await ToggleThemeAsync();
                break;
            case Shortcuts.Alerts:
                // Only those who may read alerts have the bell; for others the key does nothing.
                if (bell is not null)
                {
                    if (alertsOpen)
                    {
                        alertsOpen = false;
                    }
                    else
                    {
                        OpenAlerts(null);
                    }
                }

                break;
            case Shortcuts.Close:
                // MudBlazor only sees Escape when focus is inside the dialog; a keyboard user's focus often isn't.
                shortcutsDialog?.Close();
                break;
            default:
                if (shortcut.Href is not null)
                {
                    Navigation.NavigateTo(shortcut.Href);
                }
                else
                {
                    await PageShortcuts.RaiseAsync(shortcut);
                }

                break;
        }
    }
}
