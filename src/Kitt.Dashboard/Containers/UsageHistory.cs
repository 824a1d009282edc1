using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Containers;

/// <summary>A container's usage over a range: polls from memory for the recent window, stored minutes beyond it.</summary>
public sealed record UsageSeries(string ContainerId, int Minutes, string Resolution, IReadOnlyList<UsageSample> Samples);

/// <summary>Answers history questions for the detail charts and <c>GET /api/containers/{id}/history</c>.</summary>
public sealed class UsageHistory(ContainerHistory recent, IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxMinutes = 7 * 24 * 60;

    public static readonly int RecentMinutes = (int)ContainerHistory.Window.TotalMinutes;

    /// <returns>Null when nothing is known of the container in that range.</returns>
    public async Task<UsageSeries?> GetAsync(string containerId, int minutes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minutes, MaxMinutes);
        var since = clock.GetUtcNow().AddMinutes(-minutes);
        if (minutes <= RecentMinutes)
        {
            return recent.Knows(containerId) ? new UsageSeries(containerId, minutes, "sample", recent.Of(containerId, since)) : null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ContainerUsage.AsNoTracking()
            .Where(m => m.ContainerId == containerId && m.Minute >= since)
            .OrderBy(m => m.Minute)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0 && !recent.Knows(containerId))
        {
            return null;
        }

        // The minute in progress is not stored yet: the newest polls close the gap to now.
        var lastStored = rows.Count > 0 ? rows[^1].Minute.AddMinutes(1) : since;
        return new UsageSeries(containerId, minutes, "minute",
            [.. rows.Select(UsageSample.Of), .. recent.Of(containerId, lastStored)]);
    }
}
