namespace Kitt.Dashboard.Shipments;

/// <summary>
/// A read-only link to one shipment's loading steps for a crew without accounts. The row is what revoking and listing
/// need; the link itself is a signed token naming this row and the shipment, and is never stored.
/// </summary>
public sealed class ShareLink
{
    /// <summary>Random, 32 hex digits: the token names it, so a guessed id opens nothing without the signature.</summary>
    public required string Id { get; set; }

    public long ShipmentId { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}

/// <summary>A share link as listed: never its token, which is shown once when it is made.</summary>
public sealed record ShareLinkView(string Id, long ShipmentId, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, bool Active);

/// <summary>A new link: its row, and the path to hand over (<c>/share/{token}</c>).</summary>
public sealed record ShareLinkCreated(ShareLinkView Link, string Path);

/// <summary>What a token opened: the shipment's loading, or why nothing (tampered, expired, revoked).</summary>
public sealed record ShareLinkOpened(ShipmentLoading? Loading, ShareLinkView? Link, string? Refusal, bool Gone);
