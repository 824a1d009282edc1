using Kitt.Dashboard.Protocol;

namespace Kitt.Dashboard.Sockets;

/// <summary><c>Kitt:*</c>: limits of the WebSocket API.</summary>
public sealed class KittOptions
{
    public const string Section = "Kitt";

    /// <summary>Messages waiting for one client; a client that lets more pile up is dropped.</summary>
    public int SendQueueCapacity { get; set; } = 256;

    /// <summary>Largest message read; larger ones are answered with an error and skipped.</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Messages a client may send per second (with a burst of as many).</summary>
    public int MessagesPerSecond { get; set; } = 50;

    /// <summary>Refused messages within <see cref="AbuseWindowSeconds"/> after which the connection is closed.</summary>
    public int AbuseLimit { get; set; } = 100;

    public int AbuseWindowSeconds { get; set; } = 10;

    /// <summary>How often silent connections are looked for.</summary>
    public int HeartbeatCheckSeconds { get; set; } = 30;

    /// <summary>A connection that sent nothing for this long is closed.</summary>
    public int SilentSeconds { get; set; } = 60;

    /// <summary>Protocol-level pings that keep idle links open through proxies.</summary>
    public int KeepAliveSeconds { get; set; } = 20;

    /// <summary>How long a closing or dropped client gets to take its last messages before the link is cut.</summary>
    public double CloseGraceSeconds { get; set; } = 5;
}
