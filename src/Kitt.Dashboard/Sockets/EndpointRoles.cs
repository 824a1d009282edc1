using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Security;

namespace Kitt.Dashboard.Sockets;

/// <summary>Who may connect to each socket: the protocol names the endpoints, the dashboard decides who uses them.</summary>
public static class EndpointRoles
{
    public static string[] Of(KittEndpoint endpoint) => endpoint.Name switch
    {
        "freight" or "packing" => Policies.RolesOf[Policies.Dispatch],

        // Notifications carry nothing a role must be kept from; every API key may listen.
        _ => [.. Roles.All],
    };
}
