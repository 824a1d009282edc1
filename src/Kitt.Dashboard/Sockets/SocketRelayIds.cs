namespace Kitt.Dashboard.Sockets;

/// <summary>The correlation ids the dashboard gives its own messages, which no client may use.</summary>
public static class SocketRelayIds
{
    /// <summary>The dashboard's alerts go to notifications clients as <c>alert-&lt;id&gt;</c>.</summary>
    public const string AlertPrefix = "alert-";
}
