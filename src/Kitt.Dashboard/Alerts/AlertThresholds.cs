using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
/// Thresholds default from <c>Alerts:Thresholds</c>; an Admin may change them at runtime. Every change is stored
/// with its author (the audit trail), and the latest stored change wins over the configuration after a restart.
/// </summary>
public sealed class AlertThresholds(IOptions<AlertOptions> options, IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock)
{
    private volatile AlertThresholdValues? current;

    public AlertThresholdValues Current => current ?? AlertThresholdValues.From(options.Value.Thresholds);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.ThresholdChanges.AsNoTracking().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null)
        {
            current = new AlertThresholdValues(latest.CpuPercent, latest.MemoryPercent, latest.ErrorRatePercent);
        }
    }

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
        current = values;
    }
}
