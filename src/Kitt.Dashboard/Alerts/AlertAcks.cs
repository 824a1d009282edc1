using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts;

/// <summary>What an acknowledgement found: the alert, and whether it was firing (only a firing alert is taken up).</summary>
public enum AckOutcome
{
    Done,
    NoSuchAlert,
    NotFiring,
}

/// <summary>
/// Who took a firing alert up, when and why. Written beside the alert's state, never over it (the alert-manager
/// owns that); the notifier reads it to stop the alert's repeat notifications, and it shows wherever the alert does.
/// </summary>
public sealed class AlertAcks(IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxComment = 1000;

    public async Task<AckOutcome> AckAsync(long id, string by, string? comment, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var taken = await db.Alerts.Where(a => a.Id == id && a.State == AlertState.Firing)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.AckedBy, by).SetProperty(a => a.AckedAt, now).SetProperty(a => a.AckComment, text), cancellationToken);
        return taken > 0 ? AckOutcome.Done
            : await db.Alerts.AnyAsync(a => a.Id == id, cancellationToken) ? AckOutcome.NotFiring
            : AckOutcome.NoSuchAlert;
    }

    /// <returns>False when there is no such alert.</returns>
    public async Task<bool> UnackAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Alerts.Where(a => a.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.AckedBy, (string?)null).SetProperty(a => a.AckedAt, (DateTimeOffset?)null).SetProperty(a => a.AckComment, (string?)null), cancellationToken) > 0;
    }
}
