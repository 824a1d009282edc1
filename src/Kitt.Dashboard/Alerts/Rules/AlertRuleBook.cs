using System.Text.Json;
using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Alerts.Rules;

/// <summary>What a rule change came to: the rule, the problems by field, or a conflict with a newer version.</summary>
public sealed record RuleOutcome(RuleView? Rule, IReadOnlyDictionary<string, string[]>? Problems = null, string? Conflict = null);

/// <summary>
/// The rules in force: the defaults (<see cref="DefaultRules"/>) with the stored ones over them. A change is stored
/// with its author and a history row in one transaction and applies at the next evaluation here; other instances
/// read the store again within <see cref="Refresh"/>. Reads come from memory.
/// </summary>
public sealed class AlertRuleBook(IOptions<AlertOptions> options, IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Rules changed on another instance reach this one within this long.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SemaphoreSlim writing = new(1, 1);
    private volatile Snapshot? snapshot;

    /// <param name="Stored">The stored rows by id, deleted defaults too: what an update must start from.</param>
    private sealed record Snapshot(IReadOnlyList<AlertRule> Rules, IReadOnlyDictionary<string, AlertRule> Stored, RuleSet Set, AlertThresholdValues Defaults, long ReadAt);

    /// <summary>The enabled rules, compiled and indexed for evaluation.</summary>
    internal RuleSet Current => Now.Set;

    /// <summary>Every rule in force, enabled or not, defaults first.</summary>
    public IReadOnlyList<RuleView> List() => [.. Now.Rules.Select(View)];

    public RuleView? Find(string id) => Now.Rules.FirstOrDefault(r => r.Id == id) is { } rule ? View(rule) : null;

    /// <summary>The three thresholds of the rules the dashboard began with, as <c>/api/alerts/thresholds</c> shows them.</summary>
    public AlertThresholdValues Thresholds
    {
        get
        {
            var now = Now;
            double Of(string id, double absent) => now.Rules.FirstOrDefault(r => r.Id == id)?.Threshold ?? absent;
            return new(Of("host-cpu", now.Defaults.CpuPercent), Of("host-memory", now.Defaults.MemoryPercent), Of("api-errors", now.Defaults.ErrorRatePercent));
        }
    }

    private Snapshot Now => snapshot ?? Build([], null);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Set<AlertRule>().AsNoTracking().ToListAsync(cancellationToken);
        // A threshold set before rules existed stays in force for the default rules it belonged to.
        var legacy = await db.ThresholdChanges.AsNoTracking().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        snapshot = Build(stored, legacy is null ? null : new AlertThresholdValues(legacy.CpuPercent, legacy.MemoryPercent, legacy.ErrorRatePercent));
    }

    public async Task RefreshIfStaleAsync(CancellationToken cancellationToken)
    {
        if (snapshot is not { } s || clock.GetElapsedTime(s.ReadAt) > Refresh)
        {
            await LoadAsync(cancellationToken);
        }
    }

    /// <summary>Creates the rule <paramref name="id"/> or replaces it (a default one too).</summary>
    public async Task<RuleOutcome> SaveAsync(string id, RuleSpec spec, string changedBy, CancellationToken cancellationToken = default)
    {
        var (rule, problems) = RuleCheck.Check(id, spec);
        if (rule is null)
        {
            return new RuleOutcome(null, problems);
        }

        await writing.WaitAsync(cancellationToken);
        try
        {
            await LoadAsync(cancellationToken); // judge against what is stored now, whoever changed it
            var current = Now.Rules.FirstOrDefault(r => r.Id == id);
            if (spec.Version is { } version && version != (current?.Version ?? 0))
            {
                return new RuleOutcome(null, Conflict: $"Rule {id} is at version {current?.Version ?? 0}, not {version}: someone changed it; read it again.");
            }

            if (rule.Enabled && Now.Rules.FirstOrDefault(r => r.Id != id && r.Enabled && r.Name == rule.Name && r.Scope == rule.Scope) is { } twin)
            {
                return new RuleOutcome(null, new Dictionary<string, string[]>
                {
                    ["name"] = [$"Rule {twin.Id} raises {rule.Name} alerts for scope {RuleView.Wire(rule.Scope)} already: one key would have two rules. Choose another name (e.g. {rule.Name}_{id.Replace('-', '_')})."],
                });
            }

            var stored = Now.Stored.GetValueOrDefault(id);
            rule.Version = (stored?.Version ?? 0) + 1;
            rule.UpdatedBy = changedBy;
            rule.UpdatedAt = clock.GetUtcNow();
            await StoreAsync(rule, stored?.Version, current is null ? "created" : "changed", cancellationToken);
            return new RuleOutcome(View(rule));
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || StoreErrors.IsDuplicate(ex))
        {
            return new RuleOutcome(null, Conflict: $"Rule {id} was changed at the same moment elsewhere; read it again.");
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Deletes a rule; a default one stays deleted (it does not come back with the next start).</summary>
    /// <returns>The rule as it was, or null if there is none.</returns>
    public async Task<RuleView?> DeleteAsync(string id, string changedBy, CancellationToken cancellationToken = default)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            await LoadAsync(cancellationToken);
            if (Now.Rules.FirstOrDefault(r => r.Id == id) is not { } current)
            {
                return null;
            }

            var gone = Copy(current);
            (gone.Deleted, gone.Enabled, gone.Version, gone.UpdatedBy, gone.UpdatedAt) = (true, false, current.Version + 1, changedBy, clock.GetUtcNow());
            await StoreAsync(gone, Now.Stored.GetValueOrDefault(id)?.Version, "deleted", cancellationToken);
            return View(current);
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Changes, newest first: of one rule, or of all.</summary>
    public async Task<IReadOnlyList<RuleChangeView>> HistoryAsync(string? id, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changes = db.Set<AlertRuleChange>().AsNoTracking();
        if (id is not null)
        {
            changes = changes.Where(c => c.RuleId == id);
        }

        return [.. (await changes.OrderByDescending(c => c.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken))
            .Select(c => new RuleChangeView(c.Id, c.RuleId, c.Action, c.Rule is null ? null : JsonSerializer.Deserialize<RuleView>(c.Rule, Json), c.ChangedBy, c.At))];
    }

    /// <summary>
    /// Sets the thresholds of the default rules, as <c>PUT /api/alerts/thresholds</c> did before rules; a default an
    /// Admin deleted stays deleted, and a margin the new threshold cannot carry is brought under it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A rule refused the change; the message says which and why.</exception>
    public async Task SetThresholdsAsync(AlertThresholdValues values, string changedBy, CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken);
        foreach (var rule in DefaultRules.For(values))
        {
            if (Now.Stored.GetValueOrDefault(rule.Id) is { Deleted: true })
            {
                continue;
            }

            var spec = Find(rule.Id) is { } current
                ? Spec(current) with { Threshold = rule.Threshold, ResolveMargin = Math.Min(current.ResolveMargin, rule.Threshold / 2) }
                : Spec(rule);
            var outcome = await SaveAsync(rule.Id, spec, changedBy, cancellationToken);
            if (outcome.Rule is null)
            {
                throw new InvalidOperationException($"Rule {rule.Id}: {outcome.Conflict ?? string.Join(" ", outcome.Problems!.Values.SelectMany(p => p))}");
            }
        }
    }

    private async Task StoreAsync(AlertRule rule, int? storedVersion, string action, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (storedVersion is { } version)
        {
            // Updated only if still at the version read: another instance's change in between is a conflict, not lost.
            db.Set<AlertRule>().Attach(rule);
            db.Entry(rule).Property(r => r.Version).OriginalValue = version;
            db.Entry(rule).State = EntityState.Modified;
        }
        else
        {
            db.Set<AlertRule>().Add(rule);
        }

        var removed = rule.Deleted && !DefaultRules.Ids.Contains(rule.Id);
        db.Set<AlertRuleChange>().Add(new AlertRuleChange
        {
            RuleId = rule.Id,
            Action = action,
            Rule = rule.Deleted ? null : JsonSerializer.Serialize(View(rule), Json),
            ChangedBy = rule.UpdatedBy,
            At = rule.UpdatedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        if (removed)
        {
            // A rule of an Admin's own leaves no tombstone: its history tells it was there.
            await db.Set<AlertRule>().Where(r => r.Id == rule.Id && r.Deleted).ExecuteDeleteAsync(cancellationToken);
        }

        await LoadAsync(cancellationToken);
    }

    private Snapshot Build(IReadOnlyList<AlertRule> stored, AlertThresholdValues? legacy)
    {
        var defaults = legacy ?? AlertThresholdValues.From(options.Value.Thresholds);
        var byId = stored.ToDictionary(r => r.Id, StringComparer.Ordinal);
        List<AlertRule> rules =
        [
            .. DefaultRules.For(defaults).Select(d => byId.GetValueOrDefault(d.Id) ?? d),
            .. stored.Where(r => !DefaultRules.Ids.Contains(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal),
        ];
        rules.RemoveAll(r => r.Deleted);
        return new Snapshot(rules, byId, new RuleSet(rules), defaults, clock.GetTimestamp());
    }

    private static RuleView View(AlertRule rule) => RuleView.Of(rule, DefaultRules.Ids.Contains(rule.Id));

    private static RuleSpec Spec(AlertRule rule) => Spec(View(rule));

    private static RuleSpec Spec(RuleView v) => new(v.Name, v.Scope, v.Match, v.Signal, v.Operator, v.Threshold, v.For, v.Window, v.ResolveMargin, v.Severity,
        v.Labels.ToDictionary(), v.Enabled);

    private static AlertRule Copy(AlertRule r) => new()
    {
        Id = r.Id, Name = r.Name, Scope = r.Scope, Match = r.Match, Signal = r.Signal, Operator = r.Operator, Threshold = r.Threshold,
        ForSeconds = r.ForSeconds, WindowSeconds = r.WindowSeconds, ResolveMargin = r.ResolveMargin, Severity = r.Severity,
        Labels = r.Labels, Enabled = r.Enabled, Deleted = r.Deleted, Version = r.Version, UpdatedBy = r.UpdatedBy, UpdatedAt = r.UpdatedAt,
    };
}
