using Microsoft.JSInterop;

namespace Kitt.Dashboard.Components.Shell;

/// <summary>
/// Per-browser preferences (the theme). Kept in a cookie rather than localStorage so the server can prerender
/// the right theme on the first request.
/// </summary>
public sealed class BrowserPreferences(IJSRuntime js) : IAsyncDisposable
{
    public const string ThemeCookie = "kitt-theme";

    private IJSObjectReference? module;

    public static bool IsDark(string? cookieValue) => string.Equals(cookieValue, "dark", StringComparison.Ordinal);

    public async Task SetDarkModeAsync(bool dark)
    {
        module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/preferences.js");
        await module.InvokeVoidAsync("setPreference", ThemeCookie, dark ? "dark" : "light");
    }

    public async ValueTask DisposeAsync()
    {
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone; there is nothing left to release on its side.
            }
        }
    }
}
