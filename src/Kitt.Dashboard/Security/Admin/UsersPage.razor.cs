using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Kitt.Dashboard.Security.Admin;

public partial class UsersPage
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IReadOnlyList<UserRow> rows = [];
    private readonly HashSet<string> newUserRoles = [Roles.Operator];
    private string newUserName = "";
    private string? newUserError;
    private string? secret;
    private string secretMessage = "";

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync() => rows = await Admin.ListAsync();

    private async Task<string> ActorAsync() => Callers.Name((await AuthenticationState).User);

    private static void Toggle(HashSet<string> set, string role, bool on)
    {
        if (on)
        {
            set.Add(role);
        }
        else
        {
            set.Remove(role);
        }
    }

    private async Task CreateAsync()
    {
        var result = await Admin.CreateAsync(newUserName, newUserRoles, await ActorAsync());
        newUserError = result.Succeeded ? null : result.Message;
        if (result.Succeeded)
        {
            newUserName = "";
            ShowSecret(result);
        }

        await ReloadAsync();
    }

    private async Task ResetAsync(UserRow row)
    {
        var result = await Admin.ResetPasswordAsync(row.Id, await ActorAsync());
        if (result.Succeeded)
        {
            ShowSecret(result);
            await ReloadAsync();
        }
        else
        {
            await ReportAsync(result);
        }
    }

    private async Task SetDisabledAsync(UserRow row, bool disabled) =>
        await ReportAsync(await Admin.SetDisabledAsync(row.Id, disabled, await ActorAsync()));

    private async Task ToggleRoleAsync(UserRow row, string role)
    {
        var roles = row.Roles.ToHashSet(StringComparer.Ordinal);
        Toggle(roles, role, !roles.Contains(role));
        await ReportAsync(await Admin.SetRolesAsync(row.Id, roles, await ActorAsync()));
    }

    // The event handler renders again once this returns, with the reloaded rows.
    private async Task ReportAsync(AdminResult result)
    {
        Snackbar.Add(result.Message, result.Succeeded ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }

    private void ShowSecret(AdminResult result)
    {
        secret = result.OneTimePassword;
        secretMessage = result.Message;
    }
}
