using System.Globalization;
using System.Text.Json;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Data.Leases;
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
/// Packs queued shipments. The queue is the shipments table, shared by every instance on the same store: a job is
/// claimed (<see cref="IJobClaim"/>) from <c>queued</c> to <c>packing</c> with this instance's name and a lease it
/// renews while it packs, and finished by a conditional update from its own claim to the outcome, so a cancel
/// racing the end of a search is decided by whichever writes first, and a job is packed once. A job whose
/// instance died is claimed again by any instance once its lease lapsed; a restarted instance lets its previous
/// life's jobs lapse at once.
/// </summary>
public sealed class PackingWorker(
    IDbContextFactory<KittDbContext> dbFactory,
    IJobClaim claims,
    InstanceIdentity instance,
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
        var renewed = clock.GetUtcNow();
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
                if (running.Count > 0 && clock.GetUtcNow() - renewed >= Lease(settings) / 3)
                {
                    await RenewClaimsAsync(settings, stoppingToken);
                    renewed = clock.GetUtcNow();
                }

                while (running.Count < settings.MaxConcurrency && await ClaimNextAsync(settings, stoppingToken) is { } job)
                {
                    running.Add(Task.Run(() => RunAsync(job, settings, stoppingToken), CancellationToken.None));
                }

                states.Report(ComponentName, ComponentStatus.Running);
                backoff = TimeSpan.FromSeconds(1);
                // One wait at a time: a second reader left behind by a finished job would swallow the next wake-up.
                wake = wake is { IsCompleted: false } ? wake : jobs.WaitAsync(running.Count > 0 ? Min(PollInterval, Lease(settings) / 3) : PollInterval, stoppingToken);
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

    private static TimeSpan Lease(PackingWorkerOptions settings) => TimeSpan.FromSeconds(settings.LeaseSeconds);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>
    /// Jobs this instance's previous life left <c>packing</c> (a crash; a stop puts them back itself) lapse at once:
    /// that life is surely over, so they need not wait out their lease. Jobs of other instances are theirs until
    /// their leases lapse.
    /// </summary>
    private async Task ResumeInterruptedAsync(PackingWorkerOptions settings, CancellationToken token)
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        var lives = instance.Lives;
        var lapsed = await db.Set<Shipment>()
            .Where(s => s.Status == ShipmentStatus.Packing && s.ClaimedBy != instance.Holder && (s.ClaimedBy == null || s.ClaimedBy.StartsWith(lives)))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseUntil, (DateTimeOffset?)null), token);
        if (lapsed > 0)
        {
            logger.LogInformation("Resuming {Count} packing jobs interrupted by a restart", lapsed);
        }
    }

    /// <summary>Extends this instance's claims on the jobs it is packing.</summary>
    private async Task RenewClaimsAsync(PackingWorkerOptions settings, CancellationToken token)
    {
        var until = clock.GetUtcNow() + Lease(settings);
        await using var db = await dbFactory.CreateDbContextAsync(token);
        await db.Set<Shipment>().Where(s => s.Status == ShipmentStatus.Packing && s.ClaimedBy == instance.Holder)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseUntil, until), token);
    }

    private async Task<Shipment?> ClaimNextAsync(PackingWorkerOptions settings, CancellationToken token)
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        while (true)
        {
            var now = clock.GetUtcNow();
            if (await claims.ClaimNextAsync(db, instance.Holder, now, now + Lease(settings), token) is not { } claimed)
            {
                return null;
            }

            // Not cancelled by a stop: a claimed job must reach RunAsync, which puts it back in the queue.
            var job = await db.Set<Shipment>().AsNoTracking().Include(s => s.Items).Include(s => s.Containers)
                .AsSplitQuery().FirstAsync(s => s.Id == claimed.Id, CancellationToken.None);
            if (claimed.Lapsed && job.Attempts > settings.MaxAttempts)
            {
                // A job that keeps being interrupted (it may be what brings its instances down) fails instead of looping.
                await FinishAsync(db, job.Id, job.Reference, job.ExternalId, ShipmentStatus.Failed,
                    $"interrupted {job.Attempts - 1} times by restarts; queue it again to retry", token);
                continue;
            }

            if (claimed.Lapsed)
            {
                logger.LogInformation("Resuming packing of {Reference}: the instance packing it stopped before it finished", job.Reference);
            }

            return job;
        }
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
            var request = ShipmentRequest.PackingRequestOf(ShipmentStore.ContainersOf(job), items.Select(ShipmentStore.InputOf));
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

            if (!await SavePlanAsync(job, items, result, stoppingToken))
            {
                return; // cancelled while the plan was built, or taken up by another instance: its outcome is recorded there
            }

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

    /// <returns>False when the job was no longer this instance's to finish.</returns>
    private async Task<bool> SavePlanAsync(Shipment job, List<ShipmentItem> items, PackingResult result, CancellationToken token)
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
        var kinds = ShipmentStore.ContainersOf(job);
        var loads = ContainerLoads.Of(result, kinds);
        var risk = DamageRisk.Assess(views, loads, job.Priority, job.RouteConditions);
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
            ContainersJson = JsonSerializer.Serialize(loads, ShipmentStore.Json),
            Placements = placements,
        };

        await using var db = await dbFactory.CreateDbContextAsync(token);
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        var finished = await db.Set<Shipment>().Where(s => s.Id == job.Id && s.Status == ShipmentStatus.Packing && s.ClaimedBy == instance.Holder)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, ShipmentStatus.Packed)
                .SetProperty(s => s.Error, (string?)null)
                .SetProperty(s => s.CompletedAt, now)
                .SetProperty(s => s.UpdatedAt, now), token);
        if (finished == 0)
        {
            return false; // cancelled while the plan was being built, or taken over by another instance after this one's lease lapsed
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
            Container = kinds[0].ToKitt(),
            Containers = [.. loads.Select(ShipmentMessages.ToKitt)],
        });
        outbox.Add(db, EventTopics.DamagePredictions, Id(job.Id), KittTypes.DamagePrediction, risk.ToPayload(Id(job.Id), job.ExternalId));
        await db.SaveChangesAsync(token);
        await transaction.CommitAsync(token);
        outbox.Written();
        Announce(job, ShipmentStatus.Packed, result.Utilization);
        return true;
    }

    private async Task RequeueAsync(Shipment job)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var now = clock.GetUtcNow();
            await db.Set<Shipment>().Where(s => s.Id == job.Id && s.Status == ShipmentStatus.Packing && s.ClaimedBy == instance.Holder)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Status, ShipmentStatus.Queued)
                    .SetProperty(s => s.ClaimedBy, (string?)null)
                    .SetProperty(s => s.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(s => s.UpdatedAt, now), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Left `packing`: its lease lapses, and this instance's next start or another instance takes it up.
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
        var changed = await db.Set<Shipment>().Where(s => s.Id == id && s.Status == ShipmentStatus.Packing && s.ClaimedBy == instance.Holder)
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

    private void Announce(Shipment job, string status, double? utilization) =>
        hub.Publish(PackingEvent.Topic, new PackingEvent(Id(job.Id), job.Reference, status, utilization, clock.GetUtcNow()));

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
