using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Kitt.Dashboard.Alerts.Rules;

namespace Kitt.Dashboard.Alerts;

/// <summary>The thresholds the rules use now.</summary>
public sealed record AlertThresholdValues(double CpuPercent, double MemoryPercent, double ErrorRatePercent)
{
    public static AlertThresholdValues From(ThresholdOptions o) => new(o.CpuPercent, o.MemoryPercent, o.ErrorRatePercent);

    /// <summary>Each problem names its field, as the API and the form show it.</summary>
    public IEnumerable<(string Field, string Problem)> Problems()
    {
        foreach (var (field, value) in new[] { ("cpuPercent", CpuPercent), ("memoryPercent", MemoryPercent), ("errorRatePercent", ErrorRatePercent) })
        {
            if (!(value > 0 && value <= 100))
            {
                yield return (field, $"{field} must be more than 0 and at most 100.");
            }
        }
    }
}

/// <summary>A stored threshold change: who set what, when. The latest row is in force.</summary>
public sealed class ThresholdChange
{
    public long Id { get; set; }

    public double CpuPercent { get; set; }

    public double MemoryPercent { get; set; }

    public double ErrorRatePercent { get; set; }

    public required string ChangedBy { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>
/// The three thresholds as they were before rules: <c>Alerts:Thresholds</c> sets the default rules' thresholds, and
/// a change here changes those rules (<see cref="AlertRuleBook.SetThresholdsAsync"/>). Each change is kept here
/// too, with its author, for the history this API has always shown.
/// </summary>
public sealed class AlertThresholds(AlertRuleBook rules, IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock)
{
    public AlertThresholdValues Current => rules.Thresholds;

    public async Task<IReadOnlyList<ThresholdChange>> HistoryAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ThresholdChanges.AsNoTracking().OrderByDescending(c => c.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <exception cref="ArgumentException">A value is out of range; the message names the field.</exception>
    public async Task SetAsync(AlertThresholdValues values, string changedBy, CancellationToken cancellationToken = default)
    {
        if (values.Problems().FirstOrDefault() is { Field: { } field, Problem: { } problem })
        {
            throw new ArgumentException(problem, field);
        }

        await rules.SetThresholdsAsync(values, changedBy, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ThresholdChanges.Add(new ThresholdChange
        {
            CpuPercent = values.CpuPercent,
            MemoryPercent = values.MemoryPercent,
            ErrorRatePercent = values.ErrorRatePercent,
            ChangedBy = changedBy,
            At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
