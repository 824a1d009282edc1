namespace Kitt.Dashboard.Security;

/// <summary>
/// A signed-in browser session, kept on the server: the sign-in cookie holds only <see cref="Id"/>, so signing out
/// (or an Admin disabling the account) ends the session for every copy of the cookie, not just the one in the browser.
/// </summary>
public sealed class SignInSession
{
    public required string Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>The authentication ticket (the user's claims and the cookie's properties), serialized.</summary>
    public required byte[] Ticket { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }
}
