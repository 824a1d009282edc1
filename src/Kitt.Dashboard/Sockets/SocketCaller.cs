using System.Security.Claims;
using Kitt.Dashboard.Security;

namespace Kitt.Dashboard.Sockets;

/// <summary>Who opened a socket, as far as the socket needs to know: a name, the key, and whether it may publish.</summary>
public sealed record SocketCaller(string Name, string KeyId, bool MayPublish)
{
    public static SocketCaller Of(ClaimsPrincipal user) => new(
        Callers.Name(user),
        user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) ?? Callers.Id(user),
        Policies.Allows(user, Policies.Dispatch));
}
