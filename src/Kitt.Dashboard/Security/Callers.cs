using System.Security.Claims;

namespace Kitt.Dashboard.Security;

/// <summary>
/// Who is calling, worked out in one place for every page, endpoint, socket and tool. A signed-in user is named by
/// their user name, an API key as <c>api-key:&lt;name&gt;</c> (see <see cref="ApiKeyAuthenticationHandler"/>).
/// </summary>
public static class Callers
{
    /// <summary>What a principal without a name (none reaches a protected endpoint) is recorded as.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The name changes are recorded under: who created a shipment, changed a threshold, revoked a key.</summary>
    public static string Name(ClaimsPrincipal? user) => user?.Identity?.Name is { Length: > 0 } name ? name : Anonymous;

    /// <summary>The stable id of per-caller state such as alert read marks: the account's id, else the name.</summary>
    public static string Id(ClaimsPrincipal? user) => user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? Name(user);
}
