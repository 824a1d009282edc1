using Kitt.Dashboard.Alerts.Silencing;
using System.Globalization;
using System.Text.Json;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Data.Leases;
using Kitt.Dashboard.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>
/// The one writer of deliveries. Routes the stored notices into aggregation groups, sends each group when its timers
/// say (<see cref="NotificationGroup"/>), writing the notification in the same transaction that updates the group,
/// and hands notifications to one <see cref="DeliveryWorker"/> per receiver. Everything it holds is in the store, so a
/// restart, or another instance taking the lease over, goes on where it stopped. Its state is the <c>notifications</c>
/// component: degraded while a receiver fails, which raises an alert that goes to the other receivers.
/// </summary>
public sealed class Notifier(
    IDbContextFactory<KittDbContext> dbFactory,
    NotificationRoutes routes,
    AlertReceivers receivers,
    Routing.NotificationSettings settings,
    NoticeSignal notices,
    Silences silences,
    ReceiverHealth health,
    ComponentStates states,
    LeasedWork leased,
    IOptions<AlertOptions> options,
    TimeProvider clock,
    ILogger<Notifier> logger) : BackgroundService
{
    public const string Component = "notifications";

    public const string LeaseName = "alert-notifier";

    /// <summary>Notices routed in one transaction.</summary>
    private const int NoticeBatch = 5_000;

    /// <summary>How often the notifier looks at its timers when nothing wakes it.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, NotificationGroup> groups = new(StringComparer.Ordinal);

    private IReadOnlyList<DeliveryWorker> workers = [];

    private Muting? muting;
    private DateTimeOffset mutingReadAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        states.Report(Component, ComponentStatus.Starting);
        await leased.RunAsync(LeaseName, RunPlansAsync,
            () => states.Report(Component, ComponentStatus.Running, "standby: another instance sends the notifications"), stoppingToken);
    }

    /// <summary>Sends by the receivers and routes in force, and starts anew with each change an Admin makes to them.</summary>
    private async Task RunPlansAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            if (!await RefreshAsync(token) || !routes.Any)
            {
                if (!routes.Any)
                {
                    health.Set([]);
                    states.Report(Component, ComponentStatus.Disabled, $"no receivers configured under {AlertOptions.Section}:Receivers or in the dashboard");
                }

                await Task.Delay(Routing.NotificationSettings.Refresh, clock, token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            await RunAsync(routes.Version, token);
        }
    }

    /// <returns>Whether the receivers and routes could be read; if not, the last ones read stay in force.</returns>
    private async Task<bool> RefreshAsync(CancellationToken token)
    {
        try
        {
            await settings.RefreshIfStaleAsync(token);
            return true;
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            logger.LogDebug(ex, "Receivers and routes not read again; the last read ones apply");
            return settings.Current.Content.Length > 0 || routes.Any;
        }
    }

    /// <summary>Runs one plan's workers until the plan changes or the lease ends.</summary>
    private async Task RunAsync(long version, CancellationToken token)
    {
        workers = [.. receivers.All.Select(r => new DeliveryWorker(r, dbFactory, options.Value.Delivery, clock, logger))];
        // The workers stop with this loop, however it ends, so a lease is never held by workers alone.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var delivering = workers.Select(w => Task.Run(() => w.RunAsync(stop.Token), CancellationToken.None)).ToList();
        var loaded = false;
        try
        {
            while (!token.IsCancellationRequested && await RefreshAsync(token) && routes.Version == version)
            {
                try
                {
                    if (!loaded)
                    {
                        await LoadGroupsAsync(token);
                        loaded = true;
                    }

                    await RouteAsync(token);
                    if (await FlushAsync(token))
                    {
                        foreach (var worker in workers)
                        {
                            worker.Wakeup.Signal();
                        }
                    }

                    Report();
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    // What was not stored is read again: the notices stay until their groups are stored. Whatever the
                    // failure, the loop goes on and says so, rather than stopping while it holds the lease.
                    logger.LogWarning(ex, "Notifications not routed; trying again");
                    states.Report(Component, ComponentStatus.Degraded,
                        StoreErrors.IsStoreFailure(ex) ? $"cannot read or store notifications: {ex.Message}" : $"routing failed: {ex.GetType().Name}");
                    loaded = false;
                    await Task.Delay(TimeSpan.FromSeconds(1), clock, token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    continue;
                }

                await notices.Wakeup.WaitAsync(Tick, token);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(delivering);
        }
    }

    private async Task LoadGroupsAsync(CancellationToken token)
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        groups.Clear();
        foreach (var row in await db.Set<NotificationGroupRow>().ToListAsync(token))
        {
            groups[Id(row.Receiver, row.GroupKey)] = NotificationGroup.Load(row);
        }
    }

    /// <summary>Puts the stored notices into their groups; stores the groups and drops the notices in one transaction.</summary>
    private async Task RouteAsync(CancellationToken token)
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        var batch = await db.Set<AlertNotice>().AsNoTracking().OrderBy(n => n.Id).Take(NoticeBatch).ToListAsync(token);
        if (batch.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var failing = workers.Where(w => w.State.FailingSince is not null).Select(w => w.Receiver).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var changed = new HashSet<NotificationGroup>();
        foreach (var notice in batch)
        {
            if (Read(notice) is not { } alert)
            {
                continue; // unreadable: dropped with the batch rather than holding every notice after it
            }

            var labels = alert.Labels;
            foreach (var route in routes.For(labels))
            {
                // The alert that a receiver fails goes to the others: the failing one would only queue it behind the rest.
                if (alert.Source == Component && failing.Contains(route.Receiver))
                {
                    continue;
                }

                var (key, groupLabels) = route.GroupOf(labels);
                var id = Id(route.Receiver, key);
                var group = groups.GetValueOrDefault(id) ?? NotificationGroup.New(route.Receiver, key, groupLabels, now);
                if (group.Add(alert, route, now, receivers.Find(route.Receiver)?.SendResolved ?? true))
                {
                    groups[id] = group;
                    changed.Add(group);
                }
            }
        }

        // Exactly the notices routed here: one a writer commits late, with a lower id than these, is read next round.
        var routed = batch.Select(n => n.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        foreach (var group in changed)
        {
            if (group.IsEmpty)
            {
                RemoveGroup(db, group); // its last alert left quietly (a resolve not to be told): nothing to keep
                continue;
            }

            var row = group.ToRow();
            if (row.Id == 0)
            {
                db.Add(row);
            }
            else
            {
                db.Update(row);
            }
        }

        await db.SaveChangesAsync(token);
        await db.Set<AlertNotice>().Where(n => routed.Contains(n.Id)).ExecuteDeleteAsync(token);
        await transaction.CommitAsync(token);
    }

    /// <summary>Sends every group that is due: its notification and its new state in one transaction.</summary>
    /// <returns>Whether any notification was written.</returns>
    private async Task<bool> FlushAsync(CancellationToken token)
    {
        var now = clock.GetUtcNow();
        var candidates = groups.Values.Where(g => RouteOf(g) is not { } r || g.NextDue(r) <= now).ToList();
        if (candidates.Count == 0)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(token);
        var muting = await MutingAsync(db, now, token);
        var written = 0;
        var changed = false;
        foreach (var group in candidates)
        {
            var route = RouteOf(group);
            var receiver = route is null ? null : receivers.Find(group.Receiver);
            if (route is null || receiver is null)
            {
                // The configuration no longer has its route: the group has no one to go to.
                logger.LogInformation("Notification group {Group} of {Receiver} has no route any more; dropped", group.Key, group.Receiver);
                RemoveGroup(db, group);
                changed = true;
                continue;
            }

            // An Alertmanager resolves what it stops hearing of, so it hears of acknowledged alerts too.
            Func<NotifiedAlert, bool> repeats = receiver.Kind == ReceiverKinds.Alertmanager ? a => !muting.Hidden(a) : muting.Repeats;
            if (!group.Due(route, now, muting.Hidden, repeats))
            {
                continue;
            }

            changed = true;
            if (group.Flush(now, receiver.SendResolved, muting.Hidden) is { } message)
            {
                db.Add(new NotificationRow
                {
                    Key = message.Key,
                    Receiver = message.Receiver,
                    GroupKey = message.GroupKey,
                    Status = message.Status,
                    AlertCount = message.Alerts.Count,
                    Body = JsonSerializer.Serialize(message, NotifiedAlert.Json),
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
                written++;
            }

            if (group.IsEmpty)
            {
                RemoveGroup(db, group);
            }
            else
            {
                db.Update(group.ToRow());
            }
        }

        if (changed)
        {
            await db.SaveChangesAsync(token);
        }

        return written > 0;
    }

    /// <summary>
    /// Acknowledged and inhibiting alerts as the store has them, read at most every two seconds: a group whose repeat
    /// is due while all its alerts are acknowledged stays due, and must not cost a query every tick.
    /// </summary>
    private async Task<Muting> MutingAsync(KittDbContext db, DateTimeOffset now, CancellationToken token)
    {
        if (muting is { } known && now - mutingReadAt < TimeSpan.FromSeconds(2))
        {
            return known with { Silences = silences.Current, At = now };
        }

        await silences.RefreshIfStaleAsync(token);
        var acknowledged = await db.Alerts.AsNoTracking().Where(a => a.State == AlertState.Firing && a.AckedAt != null).Select(a => a.Id).ToListAsync(token);
        var inhibitors = await db.Alerts.AsNoTracking().Where(a => a.State == AlertState.Firing && Inhibitions.Inhibitors.Contains(a.Key)).Select(a => a.Key).ToListAsync(token);
        muting = new Muting(acknowledged.ToHashSet(), inhibitors.ToHashSet(StringComparer.Ordinal), silences.Current, now);
        mutingReadAt = now;
        return muting;
    }

    private NotifiedAlert? Read(AlertNotice notice)
    {
        try
        {
            return JsonSerializer.Deserialize<NotifiedAlert>(notice.Body, NotifiedAlert.Json);
        }
        catch (JsonException ex)
        {
            logger.LogError(ex, "Notice {Id} of alert {AlertId} cannot be read; dropped", notice.Id, notice.AlertId);
            return null;
        }
    }

    private void RemoveGroup(KittDbContext db, NotificationGroup group)
    {
        groups.Remove(Id(group.Receiver, group.Key));
        var row = group.ToRow();
        if (row.Id != 0)
        {
            db.Remove(row);
        }
    }

    /// <summary>The route a group was made by: its key starts with the route's id.</summary>
    private NotificationRoute? RouteOf(NotificationGroup group)
    {
        var colon = group.Key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? routes.Find(group.Key[..colon], group.Receiver) : null;
    }

    private void Report()
    {
        var now = workers.Select(w => (w.Receiver, w.State)).ToList(); // one snapshot per worker, read once
        health.Set([.. now.Select(w => new ReceiverStatus(w.Receiver, receivers.Find(w.Receiver)!.Kind, w.State.FailingSince is null, w.State.FailingSince, w.State.LastError, w.State.Waiting))]);
        var failing = now.Where(w => w.State.FailingSince is not null).ToList();
        if (failing.Count == 0)
        {
            states.Report(Component, ComponentStatus.Running, $"{workers.Count} receivers"); // counts stay out of the reason: each new reason is a recorded transition
            return;
        }

        states.Report(Component, ComponentStatus.Degraded, string.Join("; ", failing.Select(w =>
            string.Create(CultureInfo.InvariantCulture, $"receiver {w.Receiver} failing since {w.State.FailingSince:HH:mm:ss} UTC: {w.State.LastError}"))));
    }

    private static string Id(string receiver, string key) => receiver.ToLowerInvariant() + "\n" + key;
}
