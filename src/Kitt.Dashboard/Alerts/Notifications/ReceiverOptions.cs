namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>
/// One receiver under <c>Alerts:Receivers:&lt;name&gt;</c>: where a notification goes and how. Checked at start by
/// <see cref="NotificationConfigCheck"/>, each problem naming its key.
/// </summary>
public sealed class ReceiverOptions
{
    /// <summary><c>webhook</c>, <c>slack</c>, <c>email</c> or <c>alertmanager</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The webhook's or Slack's URL, or the Alertmanager's base address.</summary>
    public string? Url { get; set; }

    /// <summary>A webhook's signing key: the body's HMAC-SHA256 goes in <c>X-Kitt-Signature</c>.</summary>
    public string? Secret { get; set; }

    /// <summary>E-mail addresses, comma-separated.</summary>
    public string? To { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Whether a group's resolved alerts are sent too (as Alertmanager's <c>send_resolved</c>).</summary>
    public bool SendResolved { get; set; } = true;
}

/// <summary>The mail server of an <c>email</c> receiver.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>auto</c> (STARTTLS when offered), <c>none</c>, <c>starttls</c> or <c>tls</c>.</summary>
    public string Security { get; set; } = "auto";

    public string? User { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "kitt-dashboard@localhost";
}

/// <summary>
/// A notification policy under <c>Alerts:Routes:&lt;n&gt;</c>, with Alertmanager's meaning: alerts matching every
/// matcher go to <see cref="Receiver"/>, grouped by the <see cref="GroupBy"/> labels; a new group waits
/// <see cref="GroupWait"/> to gather its first alerts, a changed group is sent at most every
/// <see cref="GroupInterval"/>, and a group that still fires unchanged is sent again after <see cref="RepeatInterval"/>.
/// Routes are tried in order; the first that matches takes the alert unless it says <see cref="Continue"/>.
/// </summary>
public sealed class AlertRouteOptions
{
    public string Receiver { get; set; } = "";

    /// <summary>Alertmanager's matchers: <c>severity=critical</c>, <c>source=~db-.*</c>, <c>type!=cpu</c>, <c>team!~ops|dev</c>.</summary>
    public List<string> Match { get; set; } = [];

    /// <summary>Labels that tell groups apart; empty: one group for the route; <c>...</c>: every alert its own group.</summary>
    public List<string> GroupBy { get; set; } = [];

    public string GroupWait { get; set; } = "30s";

    public string GroupInterval { get; set; } = "5m";

    public string RepeatInterval { get; set; } = "4h";

    public bool Continue { get; set; }
}

/// <summary>How undelivered notifications are retried, under <c>Alerts:Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    /// <summary>The longest wait between two attempts at a receiver that is down; waits double from a second up to this.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int MaxBackoffSeconds { get; set; } = 60;

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>How often an Alertmanager receiver is sent its firing alerts again, as Prometheus re-sends its own.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int AlertmanagerResendSeconds { get; set; } = 60;
}
