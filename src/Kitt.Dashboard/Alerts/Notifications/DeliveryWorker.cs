using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>
/// Delivers one receiver's notifications in the order they were made, each until it arrives: a failed attempt is
/// stored (attempts, error) and retried after a wait that doubles from a second up to the configured ceiling, and
/// nothing later goes to that receiver before it. One worker per receiver, so a receiver that is down or slow holds
/// up no other.
/// </summary>
internal sealed class DeliveryWorker(
    IAlertReceiver receiver,
    IDbContextFactory<KittDbContext> dbFactory,
    DeliveryOptions options,
    TimeProvider clock,
    ILogger logger)
{
    private const int Batch = 50;

    public Wakeup Wakeup { get; } = new();

    public string Receiver => receiver.Name;

    /// <summary>How the receiver is doing, as one snapshot: read from other threads, replaced whole.</summary>
    public WorkerState State => Volatile.Read(ref state);

    private WorkerState state = new(null, null, 0);

    public async Task RunAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            TimeSpan sleep;
            try
            {
                sleep = await DeliverAsync(token);
            }
            catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
            {
                logger.LogWarning(ex, "Notifications for {Receiver} not read or recorded; trying again", receiver.Name);
                sleep = TimeSpan.FromSeconds(1);
            }

            await Wakeup.WaitAsync(sleep, token);
        }
    }

    /// <returns>How long to wait before looking again, unless woken.</returns>
    private async Task<TimeSpan> DeliverAsync(CancellationToken token)
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        var waiting = db.Set<NotificationRow>().Where(n => n.Receiver == receiver.Name && n.DeliveredAt == null && n.RefusedAt == null);
        var rows = await waiting.OrderBy(n => n.Id).Take(Batch).ToListAsync(token);
        var count = rows.Count < Batch ? rows.Count : await waiting.CountAsync(token);
        Publish(State with { Waiting = count });
        foreach (var row in rows)
        {
            var now = clock.GetUtcNow();
            if (row.NextAttemptAt > now)
            {
                return row.NextAttemptAt - now; // the oldest waits its backoff, and everything after it with it
            }

            row.Attempts++;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
                var message = System.Text.Json.JsonSerializer.Deserialize<NotificationMessage>(row.Body, NotifiedAlert.Json)!;
                await receiver.SendAsync(message, timeout.Token);
                row.DeliveredAt = clock.GetUtcNow();
                row.LastError = null;
                count--;
                Publish(new WorkerState(null, null, count));
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                // Any failure of an attempt is the receiver's to retry: a refused connection, an error answer, a timeout.
                var error = ex is OperationCanceledException ? $"no answer within {options.TimeoutSeconds} s" : ex.Message;
                row.LastError = error.Length > 2000 ? error[..2000] : error;
                if (ex is ReceiverException { Permanent: true })
                {
                    // Refused for good: kept, with why, for Admins; the receiver works, so the next ones go on.
                    row.RefusedAt = clock.GetUtcNow();
                    count--;
                    Publish(new WorkerState(null, $"refused {row.Key}: {row.LastError}", count));
                    logger.LogError("Notification {Key} to {Receiver} was refused: {Error}", row.Key, receiver.Name, row.LastError);
                    await db.SaveChangesAsync(CancellationToken.None);
                    continue;
                }

                row.NextAttemptAt = clock.GetUtcNow() + Backoff(row.Attempts);
                Publish(new WorkerState(State.FailingSince ?? clock.GetUtcNow(), row.LastError, count));
                logger.LogWarning("Notification {Key} to {Receiver} failed (attempt {Attempts}): {Error}", row.Key, receiver.Name, row.Attempts, row.LastError);
                await db.SaveChangesAsync(CancellationToken.None);
                return row.NextAttemptAt - clock.GetUtcNow();
            }

            // Recorded whatever the stop: a sent notification marked unsent is sent again, which its key makes harmless.
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return rows.Count == Batch ? TimeSpan.Zero : TimeSpan.FromSeconds(1);
    }

    private void Publish(WorkerState next) => Volatile.Write(ref state, next);

    private TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(options.MaxBackoffSeconds, Math.Pow(2, Math.Min(attempts - 1, 20))));
}

/// <summary>A delivery worker's state: since when its receiver fails and why, and how many notifications wait.</summary>
internal sealed record WorkerState(DateTimeOffset? FailingSince, string? LastError, int Waiting);
