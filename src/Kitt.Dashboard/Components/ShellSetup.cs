using Kitt.Dashboard.Components.Shell;
using MudBlazor.Services;

namespace Kitt.Dashboard.Components;

public static class ShellSetup
{
    /// <summary>Interactive server rendering, MudBlazor and the browser-side services of the shell.</summary>
    public static IServiceCollection AddShell(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(config =>
        {
            // Alert toasts: at most five on screen, one per alert key however often it fires.
            config.SnackbarConfiguration.MaxDisplayedSnackbars = 5;
            config.SnackbarConfiguration.PreventDuplicates = true;
            config.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;

            // Ten seconds, not four: an operator looking at another screen still catches an alert's toast.
            config.SnackbarConfiguration.VisibleStateDuration = 10_000;
        });
        services.AddScoped<BrowserPreferences>();
        services.AddScoped<ShortcutRouter>();
        return services;
    }
}
