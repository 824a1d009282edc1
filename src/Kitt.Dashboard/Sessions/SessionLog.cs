using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Sessions;

/// <summary>Reads the stored session events (the recorder is their one writer).</summary>
public sealed class SessionLog(IDbContextFactory<KittDbContext> dbFactory)
{
    public const int MaxTake = 1000;

    /// <summary>The newest stored events, newest first.</summary>
    public async Task<IReadOnlyList<SessionEvent>> RecentAsync(int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, MaxTake);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SessionLog.AsNoTracking()
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToEvent())];
    }
}
