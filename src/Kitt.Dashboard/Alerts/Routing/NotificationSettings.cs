using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kitt.Dashboard.Alerts.Notifications;
using Kitt.Dashboard.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Alerts.Routing;

/// <summary>What changing receivers or routes came to: problems by field, or a conflict, or nothing wrong.</summary>
public sealed record RoutingOutcome(IReadOnlyDictionary<string, string[]>? Problems = null, string? Conflict = null, ReceiverSaved? Saved = null)
{
    public bool Done => Problems is null && Conflict is null;
}

/// <summary>
/// The receivers and routes in force: those of <c>Alerts:Receivers</c> and <c>Alerts:Routes</c>, which only the
/// configuration changes, and after them those Admins set in the dashboard, which are stored (secrets protected with
/// the Data Protection keys every instance shares). Every instance reads the store again within <see cref="Refresh"/>;
/// the notifier starts its receivers anew when the plan changes.
/// </summary>
public sealed partial class NotificationSettings(
    IOptions<AlertOptions> options,
    IDbContextFactory<KittDbContext> dbFactory,
    IDataProtectionProvider protection,
    TimeProvider clock,
    ILogger<NotificationSettings> logger)
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    private readonly IDataProtector protector = protection.CreateProtector("Kitt.Dashboard.Alerts.Routing.ReceiverSecrets");
    private readonly SemaphoreSlim writing = new(1, 1);

    // One read at a time: an older read finishing after a newer one would put the older plan back.
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Plan? plan;

    /// <summary>The receivers and routes at one moment; <see cref="Version"/> grows with each change.</summary>
    public sealed record Plan(long Version, AlertOptions Options, IReadOnlyList<ReceiverView> Receivers, IReadOnlyList<RouteView> Routes, string Content, long ReadAt);

    public Plan Current => plan ??= Build([], [], 0, "");

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await loading.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var receivers = await db.Set<ReceiverRow>().AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
            var routes = await db.Set<RouteRow>().AsNoTracking().OrderBy(r => r.Position).ToListAsync(cancellationToken);
            var content = JsonSerializer.Serialize(new { receivers, routes });
            var now = Current;
            plan = content == now.Content ? now with { ReadAt = clock.GetTimestamp() } : Build(receivers, routes, now.Version + 1, content);
        }
        finally
        {
            loading.Release();
        }
    }

    public async Task RefreshIfStaleAsync(CancellationToken cancellationToken)
    {
        if (plan is not { Content.Length: > 0 } p || clock.GetElapsedTime(p.ReadAt) > Refresh)
        {
            await LoadAsync(cancellationToken);
        }
    }

    /// <summary>Creates or changes a dashboard receiver; a configured one is changed in the configuration only.</summary>
    public async Task<RoutingOutcome> SaveReceiverAsync(string name, ReceiverSpec spec, string changedBy, CancellationToken cancellationToken = default)
    {
        if (!NameSyntax().IsMatch(name))
        {
            return Problem("name", "name must be 1 to 64 letters, digits, '.', '-' and '_', starting with a letter or digit.");
        }

        if (Configured(name))
        {
            return new RoutingOutcome(Conflict: $"Receiver {name} is set in appsettings.json ({AlertOptions.Section}:Receivers:{name}); change it there.");
        }

        await writing.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // Names are told apart without case, as routes name them: "Ops" beside "ops" would be one receiver twice.
            var names = await db.Set<ReceiverRow>().Select(r => r.Name).ToListAsync(cancellationToken);
            if (names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } taken && taken != name)
            {
                return Problem("name", $"A receiver is named {taken} already; names are told apart without case.");
            }

            var row = await db.Set<ReceiverRow>().FirstOrDefaultAsync(r => r.Name == name, cancellationToken);
            var kept = row is null ? new ReceiverSecrets(null, null, null) : Unprotect(row);
            var kind = (spec.Kind ?? "").Trim().ToLowerInvariant();
            string? made = null;
            if (kind == ReceiverKinds.Webhook && spec.Secret is null && kept.Secret is null)
            {
                made = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)); // a signing key the sender shows once
            }

            var receiver = new ReceiverOptions
            {
                Kind = kind,
                Url = spec.Url ?? kept.Url,
                Secret = spec.Secret ?? made ?? kept.Secret,
                To = spec.To,
                SendResolved = spec.SendResolved ?? true,
                Smtp = new SmtpOptions
                {
                    Host = spec.Smtp?.Host,
                    Port = spec.Smtp?.Port ?? 25,
                    Security = spec.Smtp?.Security ?? "auto",
                    User = spec.Smtp?.User,
                    Password = spec.Smtp?.Password ?? kept.Password,
                    From = spec.Smtp?.From ?? new SmtpOptions().From,
                },
            };
            var problems = NotificationConfigCheck.ReceiverProblems(receiver).ToDictionary(p => FieldOf(p.Field), p => new[] { $"{FieldOf(p.Field)} {p.Text}" });
            if (problems.Count > 0)
            {
                return new RoutingOutcome(problems);
            }

            if (row is null)
            {
                row = new ReceiverRow { Name = name, Kind = kind, UpdatedBy = changedBy };
                db.Add(row);
            }

            Fill(row, receiver, changedBy);
            await db.SaveChangesAsync(cancellationToken);
            await LoadAsync(cancellationToken);
            return new RoutingOutcome(Saved: new ReceiverSaved(Current.Receivers.First(r => r.Name == name), made));
        }
        catch (DbUpdateException ex) when (StoreErrors.IsDuplicate(ex))
        {
            return new RoutingOutcome(Conflict: $"Receiver {name} was made at the same moment elsewhere; read it again.");
        }
        finally
        {
            writing.Release();
        }
    }

    /// <returns>Null if there is no such dashboard receiver; a conflict while a route sends to it.</returns>
    public async Task<RoutingOutcome?> DeleteReceiverAsync(string name, CancellationToken cancellationToken = default)
    {
        if (Configured(name))
        {
            return new RoutingOutcome(Conflict: $"Receiver {name} is set in appsettings.json; remove it there.");
        }

        await LoadAsync(cancellationToken);
        if (Current.Routes.FirstOrDefault(r => string.Equals(r.Receiver, name, StringComparison.OrdinalIgnoreCase)) is { } route)
        {
            return new RoutingOutcome(Conflict: $"Route {route.Position} sends to {name}: change or remove that route first.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Set<ReceiverRow>().Where(r => r.Name == name).ExecuteDeleteAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        return deleted == 0 ? null : new RoutingOutcome();
    }

    /// <summary>Replaces the dashboard's routes, in order; each problem is named <c>routes[i].field</c> and then none is stored.</summary>
    public async Task<RoutingOutcome> SaveRoutesAsync(IReadOnlyList<RouteSpec> specs, string changedBy, CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken);
        var receivers = Current.Receivers.Select(r => r.Name).ToList();
        var problems = new Dictionary<string, string[]>();
        for (var i = 0; i < specs.Count; i++)
        {
            foreach (var (field, text) in NotificationConfigCheck.RouteProblems(specs[i].Options(), receivers, "of this dashboard"))
            {
                problems.TryAdd($"routes[{i}].{FieldOf(field)}", [$"{FieldOf(field)} {text}"]);
            }
        }

        if (problems.Count > 0)
        {
            return new RoutingOutcome(problems);
        }

        await writing.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Set<RouteRow>().ExecuteDeleteAsync(cancellationToken);
            var now = clock.GetUtcNow();
            db.AddRange(specs.Select((s, i) => s.Options()).Select((r, i) => new RouteRow
            {
                Position = i,
                Receiver = receivers.First(n => string.Equals(n, r.Receiver, StringComparison.OrdinalIgnoreCase)),
                Match = JsonSerializer.Serialize(r.Match),
                GroupBy = JsonSerializer.Serialize(r.GroupBy),
                GroupWait = r.GroupWait,
                GroupInterval = r.GroupInterval,
                RepeatInterval = r.RepeatInterval,
                Continue = r.Continue,
                UpdatedBy = changedBy,
                UpdatedAt = now,
            }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            writing.Release();
        }

        await LoadAsync(cancellationToken);
        return new RoutingOutcome();
    }

    private bool Configured(string name) => options.Value.Receivers.ContainsKey(name);

    private static RoutingOutcome Problem(string field, string text) => new(new Dictionary<string, string[]> { [field] = [text] });

    /// <summary><c>Smtp:Host</c> as the API names it: <c>smtp.host</c>; <c>Match:0</c>: <c>match[0]</c>.</summary>
    private static string FieldOf(string key)
    {
        var parts = key.Split(':');
        var field = string.Join('.', parts.Where(p => !p.All(char.IsAsciiDigit)).Select(p => char.ToLowerInvariant(p[0]) + p[1..]));
        return parts.Length > 1 && parts[^1].All(char.IsAsciiDigit) ? $"{field}[{parts[^1]}]" : field;
    }

    private void Fill(ReceiverRow row, ReceiverOptions r, string changedBy)
    {
        row.Kind = r.Kind; // the URL is kept with the secrets: it may carry a token (Slack's path, a query, a user)
        row.To = r.To;
        row.SendResolved = r.SendResolved;
        (row.SmtpHost, row.SmtpPort, row.SmtpSecurity, row.SmtpUser, row.SmtpFrom) = (r.Smtp.Host, r.Smtp.Port, r.Smtp.Security, r.Smtp.User, r.Smtp.From);
        var secrets = new ReceiverSecrets(r.Url, r.Secret, r.Smtp.Password);
        row.Protected = secrets is { Url: null, Secret: null, Password: null } ? null : protector.Protect(JsonSerializer.Serialize(secrets));
        row.UpdatedBy = changedBy;
        row.UpdatedAt = clock.GetUtcNow();
    }

    private ReceiverSecrets Unprotect(ReceiverRow row)
    {
        if (row.Protected is null)
        {
            return new ReceiverSecrets(null, null, null);
        }

        try
        {
            return JsonSerializer.Deserialize<ReceiverSecrets>(protector.Unprotect(row.Protected)) ?? new ReceiverSecrets(null, null, null);
        }
        catch (CryptographicException ex)
        {
            // The keys that protected them are gone (another key store): the receiver works without until set again.
            logger.LogError(ex, "The secrets of receiver {Receiver} cannot be read; set them again", row.Name);
            return new ReceiverSecrets(null, null, null);
        }
    }

    private Plan Build(IReadOnlyList<ReceiverRow> receivers, IReadOnlyList<RouteRow> routes, long version, string content)
    {
        var configured = options.Value;
        var merged = new AlertOptions
        {
            Thresholds = configured.Thresholds,
            CooldownSeconds = configured.CooldownSeconds,
            Delivery = configured.Delivery,
            Receivers = new Dictionary<string, ReceiverOptions>(configured.Receivers, StringComparer.OrdinalIgnoreCase),
            Routes = [.. configured.Routes],
        };
        var views = configured.Receivers.Select(r => View(r.Key, r.Value, ReceiverView.Configured, null, null)).ToList();
        foreach (var row in receivers.Where(r => !merged.Receivers.ContainsKey(r.Name)))
        {
            var secrets = Unprotect(row);
            var receiver = new ReceiverOptions
            {
                Kind = row.Kind, Url = secrets.Url, Secret = secrets.Secret, To = row.To, SendResolved = row.SendResolved,
                Smtp = new SmtpOptions { Host = row.SmtpHost, Port = row.SmtpPort, Security = row.SmtpSecurity, User = row.SmtpUser, Password = secrets.Password, From = row.SmtpFrom ?? new SmtpOptions().From },
            };
            merged.Receivers[row.Name] = receiver;
            views.Add(View(row.Name, receiver, ReceiverView.Dashboard, row.UpdatedBy, row.UpdatedAt));
        }

        // A stored route whose receiver went from the configuration is left out rather than stopping every route.
        List<AlertRouteOptions> stored = [.. routes.Where(r => merged.Receivers.ContainsKey(r.Receiver)).Select(r => new AlertRouteOptions
        {
            Receiver = r.Receiver,
            Match = JsonSerializer.Deserialize<List<string>>(r.Match) ?? [],
            GroupBy = JsonSerializer.Deserialize<List<string>>(r.GroupBy) ?? [],
            GroupWait = r.GroupWait, GroupInterval = r.GroupInterval, RepeatInterval = r.RepeatInterval, Continue = r.Continue,
        })];
        var routeViews = configured.Routes.Concat(stored).Select((r, i) => new RouteView(i, i < configured.Routes.Count ? ReceiverView.Configured : ReceiverView.Dashboard,
            r.Receiver, r.Match, r.GroupBy, r.GroupWait, r.GroupInterval, r.RepeatInterval, r.Continue)).ToList();

        // Each side without routes of its own sends its receivers every alert (Alertmanager's defaults), so routes an
        // Admin adds for the dashboard's receivers never take alerts away from the configured ones, nor the reverse.
        merged.Routes = [.. Explicit(configured.Routes, configured.Receivers.Keys), .. Explicit(stored, views.Where(v => v.Origin == ReceiverView.Dashboard).Select(v => v.Name))];
        return new Plan(version, merged, views, routeViews, content, clock.GetTimestamp());
    }

    private static IEnumerable<AlertRouteOptions> Explicit(IReadOnlyList<AlertRouteOptions> routes, IEnumerable<string> receivers) =>
        routes.Count > 0 ? routes : receivers.Order(StringComparer.OrdinalIgnoreCase).Select(name => new AlertRouteOptions { Receiver = name, Continue = true });

    private static ReceiverView View(string name, ReceiverOptions r, string origin, string? by, DateTimeOffset? at)
    {
        var kind = ReceiverKinds.Of(r);
        // What may grant access stays out of a view: a Slack URL's path (its token), any URL's user and query.
        var url = !Uri.TryCreate(r.Url, UriKind.Absolute, out var u) ? r.Url
            : kind == ReceiverKinds.Slack ? $"{u.Scheme}://{u.Host}/…"
            : $"{u.Scheme}://{u.Authority}{u.AbsolutePath}{(u.Query.Length > 0 ? "?…" : "")}";
        var smtp = kind == ReceiverKinds.Email
            ? new SmtpView(r.Smtp.Host, r.Smtp.Port, r.Smtp.Security, r.Smtp.User, !string.IsNullOrEmpty(r.Smtp.Password), r.Smtp.From)
            : null;
        return new ReceiverView(name, kind, origin, url, r.To, smtp, !string.IsNullOrEmpty(r.Secret), r.SendResolved, by, at);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex NameSyntax();
}
