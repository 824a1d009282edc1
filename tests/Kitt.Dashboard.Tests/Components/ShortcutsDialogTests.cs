using Bunit;
using Kitt.Dashboard.Components.Shell;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Kitt.Dashboard.Tests.Components;

public sealed class ShortcutsDialogTests : DashboardTestContext
{
    [Fact]
    public async Task Lists_every_shortcut_the_browser_listens_for()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();

        await provider.InvokeAsync(() => dialogs.ShowAsync<ShortcutsDialog>("Keyboard shortcuts"));

        provider.WaitForAssertion(() => Assert.Contains("Keyboard shortcuts", provider.Markup));
        foreach (var shortcut in Shortcuts.All)
        {
            Assert.Contains(shortcut.Description, provider.Markup);
        }

        Assert.Equal(Shortcuts.All.Count, provider.FindAll(".kitt-shortcuts tr").Count);
    }
}
