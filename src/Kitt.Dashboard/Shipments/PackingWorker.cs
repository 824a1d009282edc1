using System.Globalization;
using System.Text.Json;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Events;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Realtime;
using Kitt.Packing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// Packs queued shipments. The queue is the shipments table: a job is claimed by a conditional update from
/// <c>queued</c> to <c>packing</c> and finished by one from <c>packing</c> to its outcome, so a cancel racing the
/// end of a search is decided by whichever writes first, and a restart finds interrupted jobs and queues them again.
/// </summary>
public sealed class PackingWorker(
    IDbContextFactory<KittDbContext> dbFactory,
    PackingJobs jobs,
    ITopicHub hub,
    Outbox outbox,
    ComponentStates states,
    IOptions<FeatureOptions> realtime,
    IOptions<PackingWorkerOptions> options,
    TimeProvider clock,
    PackingMetrics metrics,
    ILogger<PackingWorker> logger) : BackgroundService
{
    public const string ComponentName = "packing";

    // A missed wake-up (another instance, a write from outside) is picked up at the latest after this long.
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!realtime.Value.PackingWorker)
        {
            states.Report(ComponentName, ComponentStatus.Disabled, "Features:PackingWorker is off");
            return;
        }

        states.Report(ComponentName, ComponentStatus.Starting);
        var settings = options.Value;
        var running = new List<Task>();
        var backoff = TimeSpan.FromSeconds(1);
        var resumed = false;
        Task? wake = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!resumed)
                {
                    await ResumeInterruptedAsync(settings, stoppingToken);
                    resumed = true;
                }

                running.RemoveAll(t => t.IsCompleted);
                while (running.Count < settings.MaxConcurrency && await ClaimNextAsync(stoppingToken) is { } job)
                {
                    running.Add(Task.Run(() => RunAsync(job, settings, stoppingToken), CancellationToken.None));
                }

                states.Report(ComponentName, ComponentStatus.Running);
                backoff = TimeSpan.FromSeconds(1);
                // One wait at a time: a second reader left behind by a finished job would swallow the next wake-up.
                wake = wake is { IsCompleted: false } ? wake : jobs.WaitAsync(PollInterval, stoppingToken);
                await Task.WhenAny([wake, .. running]);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The packing queue cannot be read");
                states.Report(ComponentName, ComponentStatus.Degraded, "cannot read the queue: " + ex.GetBaseException().Message);
                try
                {
                    await Task.Delay(backoff, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
            }
        }

        // Jobs in flight put themselves back in the queue when they see the stop.
        await Task.WhenAll(running);
    }

    /// <summary>Jobs left <c>packing</c> by a stop or a crash are queued again, unless they keep being interrupted.</summary>
    private async Task ResumeInterruptedAsync(PackingWorkerOptions settings, CancellationToken token)
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        var interrupted = await db.Set<Shipment>().AsNoTracking().Where(s => s.Status == ShipmentStatus.Packing)
            .Select(s => new { s.Id, s.Reference, s.ExternalId, s.Attempts }).ToListAsync(token);
        foreach (var job in interrupted)
        {
            if (job.Attempts >= settings.MaxAttempts)
            {
                await FinishAsync(db, job.Id, job.Reference, job.ExternalId, ShipmentStatus.Failed,
                    $"interrupted {job.Attempts} times by restarts; queue it again to retry", token);
                continue;
            }

            await SetStatusAsync(db, job.Id, ShipmentStatus.Packing, ShipmentStatus.Queued, token);
            logger.LogInformation("Resuming packing of {Reference} after a restart", job.Reference);
        }
    }

    private async Task<Shipment?> ClaimNextAsync(CancellationToken token)
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        var now = clock.GetUtcNow();
        // Urgent work first, then first come first served; a claim lost to a cancel simply tries the next one.
        for (var tries = 0; tries < 5; tries++)
        {
            var next = await db.Set<Shipment>().Where(s => s.Status == ShipmentStatus.Queued)
                .OrderBy(s => s.Priority == ShipmentPriority.Urgent ? 0 : s.Priority == ShipmentPriority.High ? 1 : 2)
                .ThenBy(s => s.CreatedAt).ThenBy(s => s.Id)
                .Select(s => (long?)s.Id).FirstOrDefaultAsync(token);
            if (next is not { } id)
            {
                return null;
            }

            var claimed = await db.Set<Shipment>().Where(s => s.Id == id && s.Status == ShipmentStatus.Queued)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Status, ShipmentStatus.Packing)
                    .SetProperty(s => s.StartedAt, now)
                    .SetProperty(s => s.UpdatedAt, now)
                    .SetProperty(s => s.Attempts, s => s.Attempts + 1), token);
            if (claimed == 1)
            {
                // Not cancelled by a stop: a claimed job must reach RunAsync, which puts it back in the queue.
                return await db.Set<Shipment>().AsNoTracking().Include(s => s.Items).FirstAsync(s => s.Id == id, CancellationToken.None);
            }
        }

        return null;
    }

    private async Task RunAsync(Shipment job, PackingWorkerOptions settings, CancellationToken stoppingToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.JobTimeoutSeconds), clock);
        using var link = timeout.Token.Register(cancel.Cancel);
        jobs.Track(job.Id, cancel);
        using var activity = PackingMetrics.Tracing.StartActivity("packing.job");
        activity?.SetTag("kitt.shipment.id", job.Id);
        activity?.SetTag("kitt.shipment.reference", job.Reference);
        metrics.Started();
        var started = clock.GetTimestamp();
        var outcome = "cancelled";
        double? utilisation = null;
        try
        {
            Announce(job, ShipmentStatus.Packing, null);
            var items = job.Items.OrderBy(i => i.Line).ToList();
            var request = new PackingRequest(
                [new ContainerType(job.ContainerLength, job.ContainerWidth, job.ContainerHeight, job.ContainerMaxPayloadKg)],
                [.. items.Select(i => ShipmentStore.InputOf(i).ToSpec())]);
            var search = new Kitt.Packing.PackingOptions { TimeLimit = TimeSpan.FromSeconds(settings.SearchSeconds) };
            var result = await Task.Run(() => Packer.Pack(request, search, cancel.Token), CancellationToken.None);

            if (stoppingToken.IsCancellationRequested)
            {
                outcome = "requeued";
                await RequeueAsync(job);
                return;
            }

            if (timeout.IsCancellationRequested)
            {
                outcome = "failed";
                await FailAsync(job, $"packing took longer than the time limit of {settings.JobTimeoutSeconds:0.#} s");
                return;
            }

            if (cancel.IsCancellationRequested)
            {
                return; // cancelled by a dispatcher: the store already recorded and announced it
            }

            await SavePlanAsync(job, items, result, stoppingToken);
            (outcome, utilisation) = ("packed", result.Utilization);
            activity?.SetTag("kitt.packing.utilisation", result.Utilization);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            outcome = "requeued";
            await RequeueAsync(job);
        }
        catch (Exception ex)
        {
            outcome = "failed";
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetBaseException().Message);
            logger.LogWarning(ex, "Packing {Reference} failed", job.Reference);
            await FailAsync(job, ex is PackingValidationException invalid
                ? string.Join("; ", invalid.Errors.Take(5))
                : "the packing engine failed: " + ex.GetBaseException().Message);
        }
        finally
        {
            activity?.SetTag("kitt.packing.outcome", outcome);
            metrics.Ended(outcome, clock.GetElapsedTime(started), utilisation);
            jobs.Untrack(job.Id);
        }
    }

    private async Task SavePlanAsync(Shipment job, List<ShipmentItem> items, PackingResult result, CancellationToken token)
    {
        var placements = result.Placements.Select(p => new PlanPlacement
        {
            Sequence = p.Sequence,
            Container = p.ContainerIndex,
            Line = items[p.ItemIndex].Line,
            Sku = p.ItemId,
            X = p.X, Y = p.Y, Z = p.Z,
            Length = p.Dx, Width = p.Dy, Height = p.Dz,
            SupportFraction = p.SupportFraction,
        }).ToList();
        var views = placements.Select(p =>
        {
            var item = items[p.Line];
            return new PlacementView(p.Sku, p.X, p.Y, p.Z, p.Length, p.Width, p.Height, p.Sequence, p.Container, p.Line,
                item.WeightKg, item.Fragile, item.Stop, p.SupportFraction);
        }).ToList();
        var risk = DamageRisk.Assess(views, ShipmentStore.ContainerOf(job), job.Priority, job.RouteConditions);
        var now = clock.GetUtcNow();
        var plan = new PackingPlan
        {
            ShipmentId = job.Id,
            Utilization = result.Utilization,
            ContainersUsed = result.Containers.Count,
            ElapsedMs = result.Elapsed.TotalMilliseconds,
            CreatedAt = now,
            RiskScore = risk.Score,
            RiskFactorsJson = JsonSerializer.Serialize(risk.Factors, ShipmentStore.Json),
            UnplacedJson = JsonSerializer.Serialize(
                result.Unplaced.Select(u => new UnplacedLine(u.ItemId, u.Count, u.Message)).ToList(), ShipmentStore.Json),
            Placements = placements,
        };

        await using var db = await dbFactory.CreateDbContextAsync(token);
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        var finished = await db.Set<Shipment>().Where(s => s.Id == job.Id && s.Status == ShipmentStatus.Packing)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, ShipmentStatus.Packed)
                .SetProperty(s => s.Error, (string?)null)
                .SetProperty(s => s.CompletedAt, now)
                .SetProperty(s => s.UpdatedAt, now), token);
        if (finished == 0)
        {
            return; // cancelled while the plan was being built
        }

        await db.Set<PackingPlan>().Where(p => p.ShipmentId == job.Id).ExecuteDeleteAsync(token);
        db.Add(plan);
        outbox.Add(db, EventTopics.PackingResults, Id(job.Id), KittTypes.PackingResult, new PackingResultPayload
        {
            ShipmentId = job.ExternalId ?? Id(job.Id),
            DashboardShipmentId = Id(job.Id),
            Reference = job.Reference,
            Status = ShipmentStatus.Packed,
            Utilization = result.Utilization,
            Placed = placements.Count,
            Unplaced = result.Unplaced.Sum(u => u.Count),
            ContainersUsed = result.Containers.Count,
            Container = ShipmentStore.ContainerOf(job).ToKitt(),
        });
        outbox.Add(db, EventTopics.DamagePredictions, Id(job.Id), KittTypes.DamagePrediction, risk.ToPayload(Id(job.Id), job.ExternalId));
        await db.SaveChangesAsync(token);
        await transaction.CommitAsync(token);
        outbox.Written();
        Announce(job, ShipmentStatus.Packed, result.Utilization);
    }

    private async Task RequeueAsync(Shipment job)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await SetStatusAsync(db, job.Id, ShipmentStatus.Packing, ShipmentStatus.Queued, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Left `packing`: the next start queues it again.
            logger.LogWarning(ex, "Cannot put {Reference} back in the queue", job.Reference);
        }
    }

    private async Task FailAsync(Shipment job, string reason)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await FinishAsync(db, job.Id, job.Reference, job.ExternalId, ShipmentStatus.Failed, reason, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Cannot record the failure of {Reference}", job.Reference);
        }
    }

    private async Task FinishAsync(KittDbContext db, long id, string reference, string? externalId, string status, string reason, CancellationToken token)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        var changed = await db.Set<Shipment>().Where(s => s.Id == id && s.Status == ShipmentStatus.Packing)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, status)
                .SetProperty(s => s.Error, reason)
                .SetProperty(s => s.CompletedAt, now)
                .SetProperty(s => s.UpdatedAt, now), token);
        if (changed == 1)
        {
            outbox.Add(db, EventTopics.PackingResults, Id(id), KittTypes.PackingResult,
                new PackingResultPayload
                {
                    ShipmentId = externalId ?? Id(id), DashboardShipmentId = Id(id), Reference = reference, Status = status, Reason = reason,
                });
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            outbox.Written();
            hub.Publish(PackingEvent.Topic, new PackingEvent(Id(id), reference, status, null, now, reason));
        }
    }

    private async Task SetStatusAsync(KittDbContext db, long id, string from, string to, CancellationToken token)
    {
        var now = clock.GetUtcNow();
        await db.Set<Shipment>().Where(s => s.Id == id && s.Status == from)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, to).SetProperty(s => s.UpdatedAt, now), token);
    }

    private void Announce(Shipment job, string status, double? utilization) =>
        hub.Publish(PackingEvent.Topic, new PackingEvent(Id(job.Id), job.Reference, status, utilization, clock.GetUtcNow()));

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
