using Kitt.Dashboard.Alerts.Silencing;
using System.Globalization;
using System.Text.Json;
using Kitt.Dashboard.Alerts.Notifications;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kitt.Dashboard.Alerts;

/// <summary>
/// Stores the alert-manager's transitions, a whole evaluation (or a burst of them) in one transaction with their
/// outbox events, before anything is announced. Remembers which row is open for each firing key, so a resolve updates the alert it ends.
/// </summary>
public sealed class AlertStore(IDbContextFactory<KittDbContext> dbFactory, Outbox outbox, AlertStorage storage, NotificationRoutes routes, NoticeSignal notices, Silences silences, TimeProvider clock)
{
    private readonly Dictionary<string, long> openByKey = new(StringComparer.Ordinal);

    /// <summary>Picks up alerts left firing by the previous run (or the previous leading instance), so they resolve instead of firing twice.</summary>
    public async Task<IReadOnlyList<Alert>> LoadFiringAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var firing = await db.Alerts.AsNoTracking().Where(a => a.State == AlertState.Firing).ToListAsync(cancellationToken);
        openByKey.Clear(); // what another instance opened or ended while this one stood by is in the rows, not here
        foreach (var alert in firing)
        {
            openByKey[alert.Key] = alert.Id;
        }

        return firing;
    }

    /// <returns>The events to announce, in order, once stored.</returns>
    public async Task<IReadOnlyList<AlertEvent>> SaveAsync(IReadOnlyList<AlertTransition> transitions, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var touched = new List<(Alert Alert, bool Notify)>();
        var opened = new Dictionary<string, Alert>(StringComparer.Ordinal);
        var closed = new HashSet<string>(StringComparer.Ordinal); // resolved in this save, still in openByKey until it commits
        foreach (var t in transitions)
        {
            var c = t.Condition;
            var change = new AlertChange { State = t.State, At = t.At, Value = c.Value, Message = c.Message };
            if (t.State == AlertState.Firing)
            {
                var alert = new Alert
                {
                    Key = c.Key, Type = c.Type, Source = c.Source, Severity = c.Severity, State = AlertState.Firing,
                    Title = c.Title, Message = c.Message, SearchText = FullText.Words(c.Title, c.Message, c.Source),
                    Value = c.Value, Threshold = c.FireAt, FiredAt = t.At, UpdatedAt = t.At, Labels = Rules.RuleLabels.Write(c.Labels),
                };
                alert.Changes.Add(change);
                // Silenced and inhibited alerts are stored and shown, but neither toast nor notify.
                alert.InhibitedBy = Inhibitions.By(c.Type, c.Source, c.Labels) is { } by && (opened.ContainsKey(by) || (openByKey.ContainsKey(by) && !closed.Contains(by))) ? by : null;
                alert.SilencedBy = silences.Match(AlertLabels.Of(c.Type, c.Source, c.Severity, c.Key, c.Labels));
                opened[c.Key] = alert;
                touched.Add((alert, t.Notify && alert.SilencedBy is null && alert.InhibitedBy is null));
            }
            else
            {
                var open = opened.Remove(c.Key, out var inBatch) ? inBatch : await FindOpenAsync(db, c.Key, cancellationToken);
                if (open is null)
                {
                    continue; // nothing stored to resolve
                }

                closed.Add(c.Key);
                open.State = AlertState.Resolved;
                open.ResolvedAt = t.At;
                open.UpdatedAt = t.At;
                open.Changes.Add(change);
                touched.Add((open, t.Notify));
            }
        }

        // The alerts and their ops.alerts events commit together, each alert once however often it changed.
        List<AlertEvent> announced;
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await using var writer = storage.Writer(db.Database.GetDbConnection(), transaction.GetDbTransaction());
            await writer.SaveAsync([.. touched.Select(t => t.Alert).Distinct()], cancellationToken);
            announced = [.. touched.Select(t => AlertEvent.From(t.Alert, t.Notify))];
            await writer.AddEventsAsync(
                [.. touched.Select(t => t.Alert).Zip(announced, (alert, e) => outbox.Event(EventTopics.OpsAlerts, alert.Id.ToString(CultureInfo.InvariantCulture), "notification", e))],
                cancellationToken);
            var notified = Notices(touched);
            await writer.AddNoticesAsync(notified, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (notified.Count > 0)
            {
                notices.Wakeup.Signal();
            }
        }

        outbox.Written();
        foreach (var (alert, _) in touched)
        {
            if (alert.State == AlertState.Firing)
            {
                openByKey[alert.Key] = alert.Id;
            }
            else
            {
                openByKey.Remove(alert.Key);
            }
        }

        return announced;
    }

    /// <summary>
    /// What the receivers are to hear of: every alert the save changed, once however often it changed. The cooldown
    /// and silences hold back toasts here; for receivers, grouping holds back repeats, and the notifier leaves silenced
    /// and inhibited alerts out of what it sends until they may be told (Alertmanager's way).
    /// </summary>
    private List<AlertNotice> Notices(List<(Alert Alert, bool Notify)> touched)
    {
        if (!routes.Any)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        return [.. touched.GroupBy(t => t.Alert)
            .Select(g => new AlertNotice
            {
                AlertId = g.Key.Id,
                Body = JsonSerializer.Serialize(NotifiedAlert.From(g.Key), NotifiedAlert.Json),
                CreatedAt = now,
            })];
    }

    private async Task<Alert?> FindOpenAsync(KittDbContext db, string key, CancellationToken cancellationToken) =>
        openByKey.TryGetValue(key, out var id) ? await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) : null;
}
