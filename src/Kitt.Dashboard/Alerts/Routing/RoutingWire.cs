using Kitt.Dashboard.Alerts.Notifications;

namespace Kitt.Dashboard.Alerts.Routing;

/// <summary>
/// A receiver as the API takes it. On a change, a secret left out (<c>secret</c>, <c>smtp.password</c>, a Slack
/// <c>url</c>) keeps the one stored; a webhook made without a secret gets one, shown once.
/// </summary>
public sealed record ReceiverSpec(string? Kind = null, string? Url = null, string? Secret = null, string? To = null, SmtpSpec? Smtp = null, bool? SendResolved = null);

public sealed record SmtpSpec(string? Host = null, int? Port = null, string? Security = null, string? User = null, string? Password = null, string? From = null);

/// <summary>A receiver as Admins see it: never its secrets, only whether it has them.</summary>
/// <param name="Origin"><c>configuration</c> (appsettings.json, changed there) or <c>dashboard</c> (an Admin's, changed here).</param>
/// <param name="Url">The address; a Slack one only as far as its host, since the rest is its token.</param>
public sealed record ReceiverView(
    string Name,
    string Kind,
    string Origin,
    string? Url,
    string? To,
    SmtpView? Smtp,
    bool HasSecret,
    bool SendResolved,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt)
{
    public const string Configured = "configuration";
    public const string Dashboard = "dashboard";
}

public sealed record SmtpView(string? Host, int Port, string Security, string? User, bool HasPassword, string From);

/// <summary>What saving a receiver gave: the receiver, and the signing key made for it (shown this once).</summary>
public sealed record ReceiverSaved(ReceiverView Receiver, string? Secret);

/// <summary>A route as the API takes it; left out: Alertmanager's timings (30s, 5m, 4h), no matchers (every alert), one group.</summary>
public sealed record RouteSpec(
    string? Receiver = null,
    List<string>? Match = null,
    List<string>? GroupBy = null,
    string? GroupWait = null,
    string? GroupInterval = null,
    string? RepeatInterval = null,
    bool? Continue = null)
{
    public AlertRouteOptions Options() => new()
    {
        Receiver = Receiver ?? "",
        Match = Match ?? [],
        GroupBy = GroupBy ?? [],
        GroupWait = GroupWait ?? "30s",
        GroupInterval = GroupInterval ?? "5m",
        RepeatInterval = RepeatInterval ?? "4h",
        Continue = Continue ?? false,
    };
}

/// <summary>A route in force, in the order routes are tried.</summary>
public sealed record RouteView(int Position, string Origin, string Receiver, IReadOnlyList<string> Match, IReadOnlyList<string> GroupBy,
    string GroupWait, string GroupInterval, string RepeatInterval, bool Continue);

/// <summary>The secrets of a dashboard receiver, protected as one.</summary>
internal sealed record ReceiverSecrets(string? Url, string? Secret, string? Password);
