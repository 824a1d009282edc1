using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Security;

public sealed record UserRow(
    string Id,
    string UserName,
    IReadOnlyList<string> Roles,
    bool Disabled,
    bool LockedOut,
    bool MustChangePassword,
    DateTimeOffset CreatedAt);

/// <summary>The result of an admin action: either done (with a one-time password to hand over) or why not.</summary>
public sealed record AdminResult(bool Succeeded, string Message, string? OneTimePassword = null)
{
    public static AdminResult Fail(string message) => new(false, message);

    public static AdminResult Fail(IdentityResult result) => new(false, string.Join(" ", result.Errors.Select(e => e.Description)));
}

/// <summary>
/// What the Users page does to accounts. Each call runs in its own scope, so a long-lived page never holds a stale
/// DbContext. Every change is logged with the admin who made it, and the last active Admin can't be locked out.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, SignInSessions sessions, TimeProvider clock, ILogger<UserAdministration> logger)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var rows = new List<UserRow>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync())
        {
            rows.Add(new UserRow(
                user.Id,
                user.UserName!,
                [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)],
                user.Disabled,
                user.LockoutEnd > clock.GetUtcNow(),
                user.MustChangePassword,
                user.CreatedAt));
        }

        return rows;
    }

    public async Task<AdminResult> CreateAsync(string userName, IReadOnlyCollection<string> roles, string actor)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return AdminResult.Fail("userName: enter a user name.");
        }

        if (roles.Count == 0 || roles.Any(r => !Roles.IsKnown(r)))
        {
            return AdminResult.Fail($"roles: choose one or more of {string.Join(", ", Roles.All)}.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var password = OneTimePassword.Create();
        var user = new KittUser { UserName = userName.Trim(), MustChangePassword = true, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return AdminResult.Fail(created);
        }

        var assigned = await users.AddToRolesAsync(user, roles);
        if (!assigned.Succeeded)
        {
            return AdminResult.Fail(assigned);
        }

        logger.LogInformation("{Actor} created user {User} with roles {Roles}", actor, user.UserName, string.Join(",", roles));
        return new AdminResult(true, $"Created {user.UserName}. Hand over the one-time password; it is not shown again.", password);
    }

    public Task<AdminResult> SetDisabledAsync(string userId, bool disabled, string actor) => ChangeAsync(userId, actor, async (users, user) =>
    {
        if (disabled && await IsLastActiveAdminAsync(users, user))
        {
            return AdminResult.Fail("The last active Admin cannot be disabled.");
        }

        user.Disabled = disabled;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return AdminResult.Fail(updated);
        }

        // A new stamp ends the user's open dashboards at their next revalidation; their sign-in sessions end now.
        await users.UpdateSecurityStampAsync(user);
        if (disabled)
        {
            await sessions.RemoveAllAsync(user.Id);
        }

        return new AdminResult(true, disabled ? $"{user.UserName} is disabled." : $"{user.UserName} is enabled again.");
    });

    public Task<AdminResult> ResetPasswordAsync(string userId, string actor) => ChangeAsync(userId, actor, async (users, user) =>
    {
        var password = OneTimePassword.Create();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return AdminResult.Fail(reset);
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await sessions.RemoveAllAsync(user.Id);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return new AdminResult(true, $"New one-time password for {user.UserName}; it is not shown again.", password);
    });

    public Task<AdminResult> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, string actor) => ChangeAsync(userId, actor, async (users, user) =>
    {
        if (roles.Any(r => !Roles.IsKnown(r)))
        {
            return AdminResult.Fail($"roles: choose from {string.Join(", ", Roles.All)}.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !roles.Contains(Roles.Admin) && await IsLastActiveAdminAsync(users, user))
        {
            return AdminResult.Fail("The last active Admin must keep the Admin role.");
        }

        var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, roles.Except(current)) : removed;
        return added.Succeeded
            ? new AdminResult(true, $"{user.UserName}: {(roles.Count == 0 ? "no role" : string.Join(", ", roles))}.")
            : AdminResult.Fail(added);
    });

    private async Task<AdminResult> ChangeAsync(string userId, string actor, Func<UserManager<KittUser>, KittUser, Task<AdminResult>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AdminResult.Fail("That user no longer exists.");
        }

        var result = await change(users, user);
        logger.LogInformation("{Actor} changed user {User}: {Outcome}", actor, user.UserName, result.Succeeded ? result.Message : "refused: " + result.Message);
        return result;
    }

    private static async Task<bool> IsLastActiveAdminAsync(UserManager<KittUser> users, KittUser user)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Any(a => a.Id == user.Id) && admins.Count(a => !a.Disabled) <= 1;
    }

    private static UserManager<KittUser> Users(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<UserManager<KittUser>>();
}
