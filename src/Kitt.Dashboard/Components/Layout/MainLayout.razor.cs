using Kitt.Dashboard.Components.Shell;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Kitt.Dashboard.Components.Layout;

public partial class MainLayout
{
    private bool drawerOpen = true;
    private bool darkMode;

    [CascadingParameter(Name = "InitialDarkMode")]
    private bool InitialDarkMode { get; set; }

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private BrowserPreferences Preferences { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized() => darkMode = InitialDarkMode;

    private void ToggleDrawer() => drawerOpen = !drawerOpen;

    private async Task ToggleThemeAsync()
    {
        darkMode = !darkMode;
        await Preferences.SetDarkModeAsync(darkMode);
    }

    private Task ShowShortcutsAsync() => Dialogs.ShowAsync<ShortcutsDialog>(
        "Keyboard shortcuts",
        new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true });

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
            default:
                if (shortcut.Href is not null)
                {
                    Navigation.NavigateTo(shortcut.Href);
                }

                break;
        }
    }
}
