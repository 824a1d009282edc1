using System.Globalization;
using System.Security.Cryptography;
using Kitt.Dashboard.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// Makes, lists, revokes and opens share links. A token is the link's id and shipment id, signed and time-limited by
/// ASP.NET Core Data Protection (keys kept in the store, so every instance reads every instance's links); the row makes
/// it revocable and keeps the expiry the store's clock checks.
/// </summary>
public sealed class ShareLinks(IDbContextFactory<KittDbContext> dbFactory, IDataProtectionProvider protection, ShipmentStore shipments, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);
    private static readonly TimeSpan SignedGrace = TimeSpan.FromDays(1);

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("Kitt.Dashboard.ShareLinks.v1").ToTimeLimitedDataProtector();

    /// <returns>The new link, or null when there is no packed shipment <paramref name="shipmentId"/> to share.</returns>
    public async Task<ShareLinkCreated?> CreateAsync(long shipmentId, TimeSpan lifetime, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, MaxLifetime);
        if (await shipments.GetAsync(shipmentId, cancellationToken) is not { Status: Protocol.ShipmentStatus.Packed })
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var link = new ShareLink
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ShipmentId = shipmentId,
            CreatedBy = actor,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Add(link);
            await db.SaveChangesAsync(cancellationToken);
        }

        // The row's expiry is the one the crew is told of; the signed one, a day later, stops a link whatever became of its row.
        var token = protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{link.Id}:{shipmentId}"), link.ExpiresAt + SignedGrace);
        return new ShareLinkCreated(View(link, now), "/share/" + token);
    }

    public async Task<IReadOnlyList<ShareLinkView>> ListAsync(long shipmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var links = await db.Set<ShareLink>().AsNoTracking().Where(l => l.ShipmentId == shipmentId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. links.OrderByDescending(l => l.CreatedAt).Select(l => View(l, now))];
    }

    /// <returns>False when the shipment has no such link; revoking a revoked link keeps its first revocation.</returns>
    public async Task<bool> RevokeAsync(long shipmentId, string linkId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.Set<ShareLink>().FirstOrDefaultAsync(l => l.Id == linkId && l.ShipmentId == shipmentId, cancellationToken);
        if (link is null)
        {
            return false;
        }

        if (link.RevokedAt is null)
        {
            (link.RevokedAt, link.RevokedBy) = (clock.GetUtcNow(), actor);
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>The shipment a token opens, checked for its signature, its expiry and revocation, in that order.</summary>
    public async Task<ShareLinkOpened> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        string payload;
        try
        {
            payload = protector.Unprotect(token, out _);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            // Tampered, cut short (no longer base64url: FormatException), signed elsewhere, or past the expiry signed into it: the protector does not say which.
            return new(null, null, "This link is not valid: it may have been copied incompletely, or it has expired.", Gone: false);
        }

        var parts = payload.Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var shipmentId))
        {
            return new(null, null, "This link is not valid.", Gone: false);
        }

        ShareLink? link;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            link = await db.Set<ShareLink>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == parts[0] && l.ShipmentId == shipmentId, cancellationToken);
        }

        var now = clock.GetUtcNow();
        if (link is null || link.RevokedAt is not null)
        {
            return new(null, link is null ? null : View(link, now), "This link was revoked by the dispatcher; ask them for a new one.", Gone: true);
        }

        if (link.ExpiresAt <= now)
        {
            return new(null, View(link, now), $"This link expired on {link.ExpiresAt:yyyy-MM-dd HH:mm} UTC; ask the dispatcher for a new one.", Gone: true);
        }

        var loading = await shipments.GetLoadingAsync(shipmentId, cancellationToken);
        return loading is null
            ? new(null, View(link, now), "The shipment has no packed plan any more: it is being packed again or was cancelled.", Gone: true)
            : new(loading, View(link, now), null, Gone: false);
    }

    private static ShareLinkView View(ShareLink l, DateTimeOffset now) =>
        new(l.Id, l.ShipmentId, l.CreatedBy, l.CreatedAt, l.ExpiresAt, l.RevokedAt, l.RevokedAt is null && l.ExpiresAt > now);
}
