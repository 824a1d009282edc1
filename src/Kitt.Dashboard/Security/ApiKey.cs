namespace Kitt.Dashboard.Security;

/// <summary>
/// A key for scripts, the WebSocket API and MCP. Only a SHA-256 hash of the secret is stored; the key itself is
/// shown once, when it is created.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Role { get; set; }

    /// <summary>The public part of the key (<c>kitt_PREFIX_…</c>): finds the row and tells keys apart in the UI.</summary>
    public required string Prefix { get; set; }

    public required byte[] SecretHash { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActive => RevokedAt is null;
}
