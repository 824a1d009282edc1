using Kitt.Dashboard.Alerts.Notifications;
using Kitt.Dashboard.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Kitt.Dashboard.Alerts.Routing;

/// <summary>The Admin's receivers and routes: the configured ones shown, the dashboard's own made, changed and removed here.</summary>
public sealed partial class ReceiversPage
{
    private NotificationSettings.Plan plan = default!;
    private ReceiverForm? receiver;
    private bool receiverExists;
    private RouteForm route = new();
    private IReadOnlyDictionary<string, string[]> problems = new Dictionary<string, string[]>();
    private string? conflict;
    private string? routeProblem;
    private string? madeSecret;

    [Inject]
    private NotificationSettings Settings { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    private string UrlHelp => receiver?.Kind switch
    {
        _ when receiver?.HasUrl == true => "set (what grants access is not shown): leave empty to keep it",
        ReceiverKinds.Slack => "the incoming webhook's URL",
        ReceiverKinds.Alertmanager => "the Alertmanager's address, e.g. http://alertmanager:9093",
        _ => "where the JSON is posted",
    };

    protected override Task OnInitializedAsync() => ReloadAsync();

    private string? Problem(string field) => problems.TryGetValue(field, out var texts) ? texts[0] : null;

    private void NewReceiver() => OpenReceiver(new ReceiverForm(), exists: false);

    private void EditReceiver(ReceiverView r) => OpenReceiver(ReceiverForm.Of(r), exists: true);

    private void OpenReceiver(ReceiverForm form, bool exists)
    {
        (receiver, receiverExists, conflict) = (form, exists, null);
        problems = new Dictionary<string, string[]>();
    }

    private async Task SaveReceiverAsync()
    {
        if (receiver is null)
        {
            return;
        }

        var outcome = await Settings.SaveReceiverAsync(receiver.Name?.Trim() ?? "", receiver.Spec(), await UserAsync());
        (problems, conflict) = (outcome.Problems ?? new Dictionary<string, string[]>(), outcome.Conflict);
        if (outcome.Saved is { } saved)
        {
            madeSecret = saved.Secret;
            receiver = null;
            plan = Settings.Current;
            Snackbar.Add($"Receiver {saved.Receiver.Name} saved; the notifier takes it up within seconds.", Severity.Success);
        }
    }

    private async Task DeleteReceiverAsync(ReceiverView r)
    {
        var outcome = await Settings.DeleteReceiverAsync(r.Name);
        if (outcome?.Conflict is { } why)
        {
            Snackbar.Add(why, Severity.Warning);
        }

        plan = Settings.Current;
    }

    // The list is read again first: routes another Admin added since this page opened stay.
    private async Task AddRouteAsync()
    {
        await ReloadAsync();
        await SaveRoutesAsync([.. DashboardRoutes(), route.Spec()]);
    }

    private async Task RemoveRouteAsync(RouteView removed)
    {
        await ReloadAsync();
        var routes = plan.Routes.Where(r => r.Origin == ReceiverView.Dashboard).ToList();
        if (routes.FindIndex(r => Same(r, removed)) is var at and >= 0)
        {
            routes.RemoveAt(at);
        }

        await SaveRoutesAsync([.. routes.Select(Spec)]);
    }

    private async Task ReloadAsync()
    {
        await Settings.LoadAsync(CancellationToken.None);
        plan = Settings.Current;
    }

    private static bool Same(RouteView a, RouteView b) =>
        string.Equals(a.Receiver, b.Receiver, StringComparison.OrdinalIgnoreCase) && a.Match.SequenceEqual(b.Match) && a.GroupBy.SequenceEqual(b.GroupBy)
        && (a.GroupWait, a.GroupInterval, a.RepeatInterval, a.Continue) == (b.GroupWait, b.GroupInterval, b.RepeatInterval, b.Continue);

    private async Task SaveRoutesAsync(List<RouteSpec> routes)
    {
        var outcome = await Settings.SaveRoutesAsync(routes, await UserAsync());
        // The form holds the last route of the list: its problems are the ones to show.
        routeProblem = outcome.Problems?.Values.FirstOrDefault()?.FirstOrDefault();
        if (outcome.Done)
        {
            route = new RouteForm { Receiver = route.Receiver };
        }

        plan = Settings.Current;
    }

    private IEnumerable<RouteSpec> DashboardRoutes() => plan.Routes.Where(r => r.Origin == ReceiverView.Dashboard).Select(Spec);

    private static RouteSpec Spec(RouteView r) => new(r.Receiver, [.. r.Match], [.. r.GroupBy], r.GroupWait, r.GroupInterval, r.RepeatInterval, r.Continue);

    private async Task<string> UserAsync() => Callers.Name((await Authentication).User);

    /// <summary>What the receiver form edits; secrets start empty, and empty keeps the stored ones.</summary>
    private sealed class ReceiverForm
    {
        public string? Name { get; set; }

        public string Kind { get; set; } = ReceiverKinds.Webhook;

        public string? Url { get; set; }

        public string? Secret { get; set; }

        public string? To { get; set; }

        public string? SmtpHost { get; set; }

        public int SmtpPort { get; set; } = 25;

        public string SmtpSecurity { get; set; } = "auto";

        public string? SmtpUser { get; set; }

        public string? SmtpPassword { get; set; }

        public string? SmtpFrom { get; set; } = new SmtpOptions().From;

        public bool SendResolved { get; set; } = true;

        public bool HasSecret { get; private init; }

        public bool HasPassword { get; private init; }

        public bool HasUrl { get; private init; }

        public static ReceiverForm Of(ReceiverView r) => new()
        {
            Name = r.Name, Kind = r.Kind, Url = Shown(r) ? r.Url : null, To = r.To, SendResolved = r.SendResolved,
            SmtpHost = r.Smtp?.Host, SmtpPort = r.Smtp?.Port ?? 25, SmtpSecurity = r.Smtp?.Security ?? "auto", SmtpUser = r.Smtp?.User,
            SmtpFrom = r.Smtp?.From ?? new SmtpOptions().From, HasSecret = r.HasSecret, HasPassword = r.Smtp?.HasPassword == true,
            HasUrl = r.Url is not null && !Shown(r),
        };

        // A URL shown only in part (a Slack token, a query) is kept by leaving the field empty, never saved as shown.
        private static bool Shown(ReceiverView r) => r.Kind != ReceiverKinds.Slack && r.Url?.Contains('…', StringComparison.Ordinal) != true;

        public ReceiverSpec Spec() => new(Kind, Empty(Url), Empty(Secret), Kind == ReceiverKinds.Email ? To : null,
            Kind == ReceiverKinds.Email ? new SmtpSpec(SmtpHost, SmtpPort, SmtpSecurity, Empty(SmtpUser), Empty(SmtpPassword), SmtpFrom) : null,
            SendResolved);

        private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>What the route form edits: matchers and group-by labels comma-separated, as people type them.</summary>
    private sealed class RouteForm
    {
        public string? Receiver { get; set; }

        public string? Match { get; set; }

        public string? GroupBy { get; set; }

        public string GroupWait { get; set; } = "30s";

        public string GroupInterval { get; set; } = "5m";

        public string RepeatInterval { get; set; } = "4h";

        public bool Continue { get; set; }

        public RouteSpec Spec() => new(Receiver, List(Match), List(GroupBy), GroupWait, GroupInterval, RepeatInterval, Continue);

        private static List<string> List(string? text) => [.. MatcherText.Split(text ?? "").Select(p => p.Trim()).Where(p => p.Length > 0)];
    }
}
