using System.ComponentModel.DataAnnotations;

namespace Kitt.Dashboard.Sockets;

/// <summary><c>Kitt:*</c>: limits of the WebSocket API.</summary>
public sealed class KittOptions
{
    public const string Section = "Kitt";

    /// <summary>Messages waiting for one client; a client that lets more pile up is dropped.</summary>
    [Range(1, 100_000)]
    public int SendQueueCapacity { get; set; } = 256;

    /// <summary>Largest message read; larger ones are answered with an error and skipped.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Messages a client may send per second (with a burst of as many).</summary>
    [Range(1, 1_000_000)]
    public int MessagesPerSecond { get; set; } = 50;

    /// <summary>Refused messages within <see cref="AbuseWindowSeconds"/> after which the connection is closed.</summary>
    [Range(1, 1_000_000)]
    public int AbuseLimit { get; set; } = 100;

    [Range(1, 3600)]

    public int AbuseWindowSeconds { get; set; } = 10;

    /// <summary>How often silent connections are looked for.</summary>
    [Range(1, 3600)]
    public int HeartbeatCheckSeconds { get; set; } = 30;

    /// <summary>A connection that sent nothing for this long is closed.</summary>
    [Range(1, 86400)]
    public int SilentSeconds { get; set; } = 60;

    /// <summary>Protocol-level pings that keep idle links open through proxies.</summary>
    [Range(1, 3600)]
    public int KeepAliveSeconds { get; set; } = 20;

    /// <summary>How long a closing or dropped client gets to take its last messages before the link is cut.</summary>
    [Range(0, 60)]
    public double CloseGraceSeconds { get; set; } = 5;
}
