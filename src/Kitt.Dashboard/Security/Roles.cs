namespace Kitt.Dashboard.Security;

/// <summary>The four roles and the policies pages and endpoints ask for.</summary>
public static class Roles
{
    public const string Operator = "Operator";
    public const string Analyst = "Analyst";
    public const string Dispatcher = "Dispatcher";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Operator, Analyst, Dispatcher, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>Where a role lands after signing in: the first page it may open.</summary>
    public static string HomeOf(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return set.Contains(Admin) || set.Contains(Operator) ? "/"
            : set.Contains(Analyst) ? "/alerts"
            : set.Contains(Dispatcher) ? "/shipments"
            : "/account/access-denied";
    }
}

/// <summary>Policy names; every policy also admits Admin, who may do everything.</summary>
public static class Policies
{
    /// <summary>Overview, containers, sessions, /stats.</summary>
    public const string Operate = "operate";

    /// <summary>Alert history and exports.</summary>
    public const string Analyze = "analyze";

    /// <summary>Shipments, packing, the 3D view.</summary>
    public const string Dispatch = "dispatch";

    /// <summary>Taking alerts up: acknowledging and silencing them, for whoever watches them (Operators and Analysts).</summary>
    public const string Respond = "respond";

    /// <summary>Users, API keys, alert rules, receivers.</summary>
    public const string Administer = "administer";

    /// <summary>Whether <paramref name="user"/> holds a role <paramref name="policy"/> admits, for code that shows or does more for them.</summary>
    public static bool Allows(System.Security.Claims.ClaimsPrincipal user, string policy) => RolesOf[policy].Any(user.IsInRole);

    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [Operate] = [Roles.Operator, Roles.Admin],
        [Analyze] = [Roles.Analyst, Roles.Admin],
        [Dispatch] = [Roles.Dispatcher, Roles.Admin],
        [Respond] = [Roles.Operator, Roles.Analyst, Roles.Admin],
        [Administer] = [Roles.Admin],
    };
}
