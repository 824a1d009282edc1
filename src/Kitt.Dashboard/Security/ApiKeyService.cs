using System.Security.Cryptography;
using System.Text;
using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Security;

/// <param name="Key">The full secret, shown to its creator once and never stored.</param>
public sealed record CreatedApiKey(ApiKey Entry, string Key);

/// <summary>Creates, lists, revokes and checks API keys.</summary>
public sealed class ApiKeyService(IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock)
{
    public const string Header = "X-Api-Key";
    public const string QueryParameter = "api_key";

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiKey> CreateAsync(string name, string role, string createdBy, CancellationToken cancellationToken = default) =>
        await StoreAsync(name, role, createdBy, NewKey(), cancellationToken);

    /// <summary>Stores a key whose value comes from configuration (automation), unless it is stored already.</summary>
    public async Task EnsureAsync(string name, string role, string key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = Hash(key);
        if (!await db.ApiKeys.AnyAsync(k => k.SecretHash == hash, cancellationToken))
        {
            await StoreAsync(name, role, "configuration", key, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id).ToListAsync(cancellationToken);
    }

    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.FindAsync([id], cancellationToken);
        if (key is null || key.RevokedAt is not null)
        {
            return false;
        }

        key.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The active key matching <paramref name="presented"/>, or null for an unknown or revoked one.</summary>
    public async Task<ApiKey?> ValidateAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(presented) || presented.Length > 512)
        {
            return null;
        }

        // Keys are long random strings, so their SHA-256 is a safe lookup value; no slow hash is needed.
        var hash = Hash(presented);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.SecretHash == hash, cancellationToken);
        if (key is null || key.RevokedAt is not null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedResolution)
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return key;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private async Task<CreatedApiKey> StoreAsync(string name, string role, string createdBy, string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"role must be one of {string.Join(", ", Roles.All)}", nameof(role));
        }

        var entry = new ApiKey
        {
            Name = name.Trim(),
            Role = role,
            Prefix = key[..Math.Min(12, key.Length)],
            SecretHash = Hash(key),
            CreatedBy = createdBy,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(entry, key);
    }

    private static string NewKey() =>
        "kitt_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');
}
