using System.ComponentModel.DataAnnotations;

namespace Kitt.Dashboard.Security;

/// <summary><c>Auth:*</c>: first-run credentials for people and automation.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>If set, the first <c>admin</c> account gets this password; otherwise a one-time password is logged once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>If set, seeds an Admin API key with exactly this value at start-up (for automation and CI).</summary>
    public string? BootstrapApiKey { get; set; }

    /// <summary>How often an open dashboard re-checks that its user still exists, is enabled and keeps its roles.</summary>
    [Range(1, 86400)]
    public int RevalidateSeconds { get; set; } = 60;
}

/// <summary><c>Security:*</c>: the hardening knobs.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Origins allowed to call the API from a browser; empty means none.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    [Range(1024L, 1L << 32)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    [Range(1, 1_000_000)]
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>REST and MCP requests allowed per client (API key or address) per 10 seconds.</summary>
    [Range(1, 1_000_000)]
    public int ApiPer10Seconds { get; set; } = 200;

    /// <summary>WebSocket connects allowed per client address per minute.</summary>
    [Range(1, 1_000_000)]
    public int WebSocketConnectsPerMinute { get; set; } = 30;

    /// <summary>Redirect HTTP to HTTPS and send HSTS outside Development.</summary>
    public bool RequireHttps { get; set; } = true;
}
