using Microsoft.AspNetCore.Identity;

namespace Kitt.Dashboard.Security;

/// <summary>A person who signs in to the dashboard.</summary>
public sealed class KittUser : IdentityUser
{
    /// <summary>Set for the first admin and after a reset: the one-time password must be replaced before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A disabled user cannot sign in, and open sessions lose access at the next revalidation.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
