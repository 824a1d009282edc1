using System.Text;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>A route as the notifier follows it, its matchers parsed and its timings read.</summary>
/// <param name="Index">Its position in the plan: the order routes are tried in.</param>
/// <param name="Id">
/// What its groups are filed under: its receiver, matchers and group-by labels (and which of its twins it is), not its
/// position, so a route added before it or removed does not leave its groups, and what they hold, without a route.
/// </param>
public sealed record NotificationRoute(
    int Index,
    string Id,
    string Receiver,
    IReadOnlyList<Matcher> Matchers,
    IReadOnlyList<string> GroupBy,
    TimeSpan GroupWait,
    TimeSpan GroupInterval,
    TimeSpan RepeatInterval,
    bool Continue)
{
    /// <summary>Alertmanager's <c>group_by: ['...']</c>: every alert its own group.</summary>
    public const string EveryLabel = "...";

    public bool Matches(IReadOnlyDictionary<string, string> labels) => Matchers.All(m => m.Matches(labels));

    /// <summary>The group an alert falls in on this route: its key and its group-by labels.</summary>
    public (string Key, IReadOnlyDictionary<string, string> Labels) GroupOf(IReadOnlyDictionary<string, string> labels)
    {
        var names = GroupBy is [EveryLabel] ? labels.Keys.Order(StringComparer.Ordinal) : GroupBy.AsEnumerable();
        var grouped = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            grouped[name] = labels.TryGetValue(name, out var v) ? v : "";
        }

        var key = new StringBuilder().Append(Id).Append(":{");
        key.AppendJoin(',', grouped.Select(g => $"{g.Key}=\"{g.Value}\""));
        return (key.Append('}').ToString(), grouped);
    }
}

/// <summary>
/// The notification policies in force: <c>Alerts:Routes</c> tried in order, the first match taking an alert unless
/// it says <c>Continue</c>. With none configured, every receiver gets every alert in one group with Alertmanager's
/// default timings (30 s, 5 m, 4 h). An Alertmanager receiver is sent each change at once and its firing alerts again
/// every <see cref="DeliveryOptions.AlertmanagerResendSeconds"/>, as Prometheus does: the Alertmanager groups them itself.
/// </summary>
public sealed class NotificationRoutes(IOptions<AlertOptions> options, Routing.NotificationSettings? settings = null)
{
    private volatile Compiled? compiled;

    private sealed record Compiled(long Version, IReadOnlyDictionary<string, ReceiverOptions> Receivers, IReadOnlyList<NotificationRoute> All);

    /// <summary>The plan the routes were compiled from: the configuration's alone, or with what Admins set in the dashboard.</summary>
    public long Version => Now.Version;

    public IReadOnlyDictionary<string, ReceiverOptions> Receivers => Now.Receivers;

    public IReadOnlyList<NotificationRoute> All => Now.All;

    /// <summary>Whether any alert can reach a receiver: without, no notice is stored.</summary>
    public bool Any => Receivers.Count > 0 && All.Count > 0;

    // Compiled again only when the plan changed: routes are read for every alert stored.
    private Compiled Now
    {
        get
        {
            var (version, o) = settings?.Current is { } p ? (p.Version, p.Options) : (0L, options.Value);
            if (compiled is { } c && c.Version == version)
            {
                return c;
            }

            var routes = o.Routes.Count > 0
                ? o.Routes.Select(r => r)
                : o.Receivers.Keys.Order(StringComparer.OrdinalIgnoreCase).Select(name => new AlertRouteOptions { Receiver = name, Continue = true });
            var twins = new Dictionary<string, int>(StringComparer.Ordinal);
            return compiled = new Compiled(version, o.Receivers, [.. routes.Select((r, i) => Compile(r, i, o, twins))]);
        }
    }

    /// <summary>The routes an alert with <paramref name="labels"/> takes, in order.</summary>
    public IEnumerable<NotificationRoute> For(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var route in All)
        {
            if (route.Matches(labels))
            {
                yield return route;
                if (!route.Continue)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>The route with this id, or (groups stored before routes had ids) at this position with this receiver.</summary>
    public NotificationRoute? Find(string id, string receiver)
    {
        var all = All;
        var route = all.FirstOrDefault(r => r.Id == id)
            ?? (int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < all.Count ? all[index] : null);
        return route is not null && string.Equals(route.Receiver, receiver, StringComparison.OrdinalIgnoreCase) ? route : null;
    }

    private static NotificationRoute Compile(AlertRouteOptions r, int index, AlertOptions o, Dictionary<string, int> twins)
    {
        var receiver = o.Receivers.Keys.First(k => string.Equals(k, r.Receiver, StringComparison.OrdinalIgnoreCase));
        var matchers = r.Match.Select(Matcher.Parse).ToList();
        var identity = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', [receiver.ToLowerInvariant(), .. matchers.Select(m => m.ToString()), "", .. r.GroupBy]))))[..12];
        var twin = twins[identity] = twins.GetValueOrDefault(identity) + 1;
        var id = twin == 1 ? "r" + identity : $"r{identity}.{twin}";
        if (ReceiverKinds.Of(o.Receivers[receiver]) == ReceiverKinds.Alertmanager)
        {
            var resend = TimeSpan.FromSeconds(o.Delivery.AlertmanagerResendSeconds);
            return new NotificationRoute(index, id, receiver, matchers, [], TimeSpan.Zero, TimeSpan.Zero, resend, r.Continue);
        }

        return new NotificationRoute(index, id, receiver, matchers, r.GroupBy,
            Durations.Parse(r.GroupWait), Durations.Parse(r.GroupInterval), Durations.Parse(r.RepeatInterval), r.Continue);
    }
}

/// <summary>The kinds of receiver, as <c>Alerts:Receivers:&lt;name&gt;:Kind</c> names them.</summary>
public static class ReceiverKinds
{
    public const string Webhook = "webhook";
    public const string Slack = "slack";
    public const string Email = "email";
    public const string Alertmanager = "alertmanager";

    public static readonly IReadOnlyList<string> All = [Webhook, Slack, Email, Alertmanager];

    public static string Of(ReceiverOptions receiver) => receiver.Kind.Trim().ToLowerInvariant();
}
