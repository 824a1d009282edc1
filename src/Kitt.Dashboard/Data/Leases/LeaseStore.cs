using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Data.Leases;

/// <summary>
/// Takes, renews and hands back leases in the shared store with statements every provider runs atomically: an
/// update that succeeds only for the holder, once the lease expired, or for a later life of the same instance; or
/// the insert of a lease nobody held yet. Expiry is judged by each instance's clock: instances keep theirs in sync (NTP).
/// </summary>
public sealed class LeaseStore(IDbContextFactory<KittDbContext> dbFactory, InstanceIdentity instance, TimeProvider clock)
{
    /// <summary>This instance's name in the leases it holds.</summary>
    public string Holder => instance.Holder;

    /// <returns>True when this instance holds <paramref name="name"/> for <paramref name="duration"/> from now.</returns>
    public async Task<bool> TryHoldAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var me = instance.Holder;
        var lives = instance.Lives;
        var now = clock.GetUtcNow();
        var until = now + duration;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A lease of this instance's previous life (same name, another process) is over with that life: a crashed
        // instance that restarts takes its work back at once instead of waiting the lease out.
        var taken = await db.Leases.Where(l => l.Name == name && (l.Holder == me || l.ExpiresAt < now || l.Holder.StartsWith(lives)))
            .ExecuteUpdateAsync(u => u
                .SetProperty(l => l.AcquiredAt, l => l.Holder == me ? l.AcquiredAt : now)
                .SetProperty(l => l.Holder, me)
                .SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.Leases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        db.Leases.Add(new Lease { Name = name, Holder = me, AcquiredAt = now, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (StoreErrors.IsDuplicate(ex))
        {
            return false; // another instance inserted it first
        }
    }

    /// <summary>Hands a lease back at a graceful stop, so another instance takes the work over at once.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        var me = instance.Holder;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Leases.Where(l => l.Name == name && l.Holder == me).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<Lease?> CurrentAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Leases.AsNoTracking().FirstOrDefaultAsync(l => l.Name == name, cancellationToken);
    }
}
