using System.Security.Claims;
using Kitt.Dashboard.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Security;

/// <summary>
/// The sign-in cookie's server-side store: the cookie carries a session id, the ticket lives in the database, and
/// signing out deletes it, so a copied or replayed cookie stops working at once. Sessions survive a restart and
/// are shared by every instance on the same database.
/// </summary>
public sealed class SignInSessions(IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var session = new SignInSession
        {
            Id = Guid.NewGuid().ToString("N"),
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            Ticket = TicketSerializer.Default.Serialize(ticket),
            ExpiresAt = ticket.Properties.ExpiresUtc,
        };
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        // Sessions nobody signed out of expire; each new sign-in clears the expired ones away.
        await db.Set<SignInSession>().Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        db.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var bytes = TicketSerializer.Default.Serialize(ticket);
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Set<SignInSession>().Where(s => s.Id == key)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresAt, ticket.Properties.ExpiresUtc));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var session = await db.Set<SignInSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == key);
        return session is null || session.ExpiresAt < clock.GetUtcNow() ? null : TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Set<SignInSession>().Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    /// <summary>Ends every session of a user, as when an Admin disables the account or resets its password.</summary>
    public async Task RemoveAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<SignInSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Puts the store under the Identity sign-in cookie.</summary>
    public static void Use(IServiceCollection services)
    {
        services.AddSingleton<SignInSessions>();
        services.AddOptions<CookieAuthenticationOptions>(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
            .Configure<SignInSessions>((cookie, sessions) => cookie.SessionStore = sessions);
    }
}
