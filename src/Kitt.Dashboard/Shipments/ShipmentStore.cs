using System.Globalization;
using System.Text.Json;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Equipment;
using Kitt.Dashboard.Events;
using Kitt.Dashboard.Items;
using Kitt.Dashboard.Realtime;
using Kitt.Packing;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Shipments;

/// <summary>The outcome of storing a shipment: its id, or every problem found (a taken reference is a conflict).</summary>
public sealed record CreateResult(long? Id, IReadOnlyList<FieldError> Errors, bool Conflict = false)
{
    public bool Created => Id is not null;
}

/// <summary>Reads and writes shipments for the UI and the API. Plans are written by the packing worker only.</summary>
public sealed class ShipmentStore(
    IDbContextFactory<KittDbContext> dbFactory,
    PackingJobs jobs,
    ITopicHub hub,
    Outbox outbox,
    EquipmentLibrary equipment,
    ItemLibrary library,
    TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Checks and stores a shipment and queues it for packing; nothing is stored when anything is wrong.</summary>
    public async Task<CreateResult> CreateAsync(ShipmentRequest request, string createdBy, CancellationToken cancellationToken = default)
    {
        // The equipment's sizes first, so the checks see the containers the shipment is loaded into.
        // And the library's items for lines that give only a SKU and a quantity.
        IReadOnlyList<FieldError> errors = [
            .. await equipment.ApplyAsync(request.Container, request.Containers, ShipmentRules.MaxContainerKinds, cancellationToken),
            .. await library.ApplyAsync(request.Items, "items", cancellationToken)];
        if (errors.Count == 0)
        {
            errors = ShipmentRules.Check(request);
        }

        if (errors.Count > 0)
        {
            return new CreateResult(null, errors);
        }

        var now = clock.GetUtcNow();
        var shipment = new Shipment
        {
            Reference = request.Reference!.Trim(),
            ExternalId = request.ExternalId?.Trim(),
            Origin = request.Origin!.Trim(),
            Destination = request.Destination!.Trim(),
            Priority = request.Priority ?? ShipmentPriority.Normal,
            RouteConditions = request.RouteConditions,
            Status = ShipmentStatus.Queued,
            Containers = [.. request.ContainerKinds().Select((c, line) => new ShipmentContainer
            {
                Line = line,
                Type = c!.Type,
                Length = c.Length,
                Width = c.Width,
                Height = c.Height,
                MaxPayloadKg = c.MaxPayloadKg,
                Count = c.Count,
                BalanceLengthwisePercent = c.Balance?.LengthwisePercent,
                BalanceSidewaysPercent = c.Balance?.SidewaysPercent,
                AxlesJson = JsonSerializer.Serialize(c.Axles ?? [], Json),
            })],
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
            Items = [.. request.Items!.Select((i, line) => new ShipmentItem
            {
                Line = line,
                Sku = i.Sku!.Trim(),
                Length = i.Length,
                Width = i.Width,
                Height = i.Height,
                WeightKg = i.WeightKg,
                Quantity = i.Quantity ?? 1,
                ThisSideUp = i.ThisSideUp,
                Fragile = i.Fragile,
                FloorOnly = i.FloorOnly,
                MaxLoadKg = i.MaxLoadKg,
                Stop = i.Stop,
            })],
        };

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<Shipment>().AnyAsync(s => s.Reference == shipment.Reference, cancellationToken))
        {
            return Taken(shipment.Reference);
        }

        if (shipment.ExternalId is { } external && await ExternalTakenAsync(db, createdBy, external, cancellationToken))
        {
            return TakenExternal(external);
        }

        db.Add(shipment);
        try
        {
            // The shipment and its shipment.requests event commit together; the event's key is the new id.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            outbox.Add(db, EventTopics.ShipmentRequests, shipment.Id.ToString(CultureInfo.InvariantCulture), KittTypes.ShipmentRequest,
                request.ToPayload());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsDuplicate(ex))
        {
            // Another request stored the same reference (or external id) between the check and the insert.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return shipment.ExternalId is { } sent && await ExternalTakenAsync(fresh, createdBy, sent, cancellationToken)
                ? TakenExternal(sent)
                : Taken(shipment.Reference);
        }

        outbox.Written();
        Announce(shipment);
        jobs.Wake();
        return new CreateResult(shipment.Id, []);
    }

    /// <summary>The most shipments one list returns.</summary>
    public const int MaxList = 1000;

    public async Task<IReadOnlyList<ShipmentSummary>> ListAsync(int take = 200, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, MaxList);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Shipment>()
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Take(take)
            .Select(s => new ShipmentSummary(
                s.Id, s.Reference, s.Origin, s.Destination, s.Priority, s.Status,
                s.Items.Count, s.Items.Sum(i => i.Quantity),
                s.Plan == null ? null : s.Plan.Utilization,
                s.Plan == null ? null : s.Plan.RiskScore,
                s.CreatedAt, s.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<ShipmentDetails?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One query for the shipment, its lines and its plan, so a plan written meanwhile is seen whole or not at all;
        // the containers, which never change, apart (a split query would pair them with a plan read at another moment).
        var s = await db.Set<Shipment>().AsNoTracking().Include(x => x.Items).Include(x => x.Plan)
            .FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (s is null)
        {
            return null;
        }

        s.Containers = await db.Set<ShipmentContainer>().AsNoTracking().Where(c => c.ShipmentId == id).ToListAsync(cancellationToken);

        PlanSummary? plan = null;
        if (s.Plan is { } p)
        {
            var placed = await db.Set<PlanPlacement>().CountAsync(x => x.PlanId == p.Id, cancellationToken);
            var unplaced = Unplaced(p).Sum(u => u.Quantity);
            plan = new PlanSummary(p.Utilization, placed, unplaced, p.RiskScore, DamageRisk.Level(p.RiskScore), p.ElapsedMs, p.CreatedAt, p.ContainersUsed);
        }

        var kinds = ContainersOf(s);
        return new ShipmentDetails(s.Id, s.Reference, s.Origin, s.Destination, s.Priority, s.RouteConditions, s.Status, s.Error,
            kinds[0], [.. s.Items.OrderBy(i => i.Line).Select(InputOf)], s.Attempts, s.CreatedBy,
            s.CreatedAt, s.UpdatedAt, s.StartedAt, s.CompletedAt, plan, s.ExternalId)
        {
            Containers = kinds,
        };
    }

    /// <summary>The plan as the API and the 3D view show it; without placements while the shipment is not packed.</summary>
    public async Task<PlanView?> GetPlanAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var s = await db.Set<Shipment>().AsNoTracking().Include(x => x.Items).Include(x => x.Containers).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (s is null)
        {
            return null;
        }

        var plan = await db.Set<PackingPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.ShipmentId == id, cancellationToken);
        if (plan is null || s.Status != ShipmentStatus.Packed)
        {
            return new PlanView(s.Id, s.Reference, s.Status, null, ContainerOf(s), [], [], null);
        }

        var lines = s.Items.ToDictionary(i => i.Line);
        var placements = await db.Set<PlanPlacement>().AsNoTracking().Where(x => x.PlanId == plan.Id)
            .OrderBy(x => x.Container).ThenBy(x => x.Sequence).ToListAsync(cancellationToken);
        return new PlanView(s.Id, s.Reference, s.Status, plan.Utilization, ContainerOf(s),
            [.. placements.Select(x =>
            {
                var item = lines[x.Line];
                return new PlacementView(x.Sku, x.X, x.Y, x.Z, x.Length, x.Width, x.Height, x.Sequence, x.Container, x.Line,
                    item.WeightKg, item.Fragile, item.Stop, x.SupportFraction);
            })],
            Unplaced(plan),
            new DamageRiskView(plan.RiskScore, DamageRisk.Level(plan.RiskScore),
                JsonSerializer.Deserialize<List<RiskFactor>>(plan.RiskFactorsJson, Json) ?? []))
        {
            Containers = JsonSerializer.Deserialize<List<ContainerLoadView>>(plan.ContainersJson, Json) ?? [],
        };
    }

    /// <summary>A packed shipment with its plan grouped into loading steps; null when there is none or it is not packed.</summary>
    public async Task<ShipmentLoading?> GetLoadingAsync(long id, CancellationToken cancellationToken = default)
    {
        var details = await GetAsync(id, cancellationToken);
        var plan = details is { Status: ShipmentStatus.Packed } ? await GetPlanAsync(id, cancellationToken) : null;
        return details is null || plan is not { Placements.Count: > 0 } ? null : new ShipmentLoading(details, LoadingSteps.Group(plan, details.Items));
    }

    /// <summary>Queues a shipment again (after a failure, a cancel, or to re-plan); false when it is already queued or packing.</summary>
    public async Task<bool?> QueueAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = await db.Set<Shipment>()
            .Where(s => s.Id == id && s.Status != ShipmentStatus.Queued && s.Status != ShipmentStatus.Packing)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, ShipmentStatus.Queued)
                .SetProperty(s => s.Error, (string?)null)
                .SetProperty(s => s.Attempts, 0)
                .SetProperty(s => s.UpdatedAt, now), cancellationToken);
        if (changed == 0)
        {
            return await db.Set<Shipment>().AnyAsync(s => s.Id == id, cancellationToken) ? false : null;
        }

        await AnnounceAsync(db, id, cancellationToken);
        jobs.Wake();
        return true;
    }

    /// <summary>Cancels a queued or running job; false when it already finished, null when there is no such shipment.</summary>
    public async Task<bool?> CancelAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Conditional, so a cancel and the worker's completion cannot both win: whichever writes first decides.
        var changed = await db.Set<Shipment>()
            .Where(s => s.Id == id && (s.Status == ShipmentStatus.Queued || s.Status == ShipmentStatus.Packing))
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, ShipmentStatus.Cancelled)
                .SetProperty(s => s.Error, "cancelled by a dispatcher")
                .SetProperty(s => s.CompletedAt, now)
                .SetProperty(s => s.UpdatedAt, now), cancellationToken);
        if (changed == 0)
        {
            return await db.Set<Shipment>().AnyAsync(s => s.Id == id, cancellationToken) ? false : null;
        }

        jobs.Cancel(id);
        await AnnounceAsync(db, id, cancellationToken);
        return true;
    }

    private async Task AnnounceAsync(KittDbContext db, long id, CancellationToken cancellationToken)
    {
        var shipment = await db.Set<Shipment>().AsNoTracking().FirstAsync(s => s.Id == id, cancellationToken);
        Announce(shipment);
    }

    private void Announce(Shipment shipment) =>
        hub.Publish(PackingEvent.Topic, new PackingEvent(shipment.Id.ToString(CultureInfo.InvariantCulture), shipment.Reference, shipment.Status, null, clock.GetUtcNow()));

    private static CreateResult Taken(string reference) =>
        new(null, [new FieldError("reference", $"'{reference}' is already used by another shipment")], Conflict: true);

    private static CreateResult TakenExternal(string externalId) =>
        new(null, [new FieldError("externalId", $"'{externalId}' was sent before by the same client")], Conflict: true);

    private static Task<bool> ExternalTakenAsync(KittDbContext db, string createdBy, string externalId, CancellationToken cancellationToken) =>
        db.Set<Shipment>().AnyAsync(s => s.CreatedBy == createdBy && s.ExternalId == externalId, cancellationToken);

    internal static IReadOnlyList<UnplacedLine> Unplaced(PackingPlan plan) =>
        JsonSerializer.Deserialize<List<UnplacedLine>>(plan.UnplacedJson, Json) ?? [];

    /// <summary>The first container kind: the one a shipment had before it could have several.</summary>
    internal static ContainerInput ContainerOf(Shipment s) => ContainersOf(s)[0];

    internal static IReadOnlyList<ContainerInput> ContainersOf(Shipment s) =>
        s.Containers.Count == 0
            ? throw new InvalidOperationException($"shipment {s.Id} was read without its containers")
            : [.. s.Containers.OrderBy(c => c.Line).Select(c => new ContainerInput
            {
                Type = c.Type, Length = c.Length, Width = c.Width, Height = c.Height, MaxPayloadKg = c.MaxPayloadKg, Count = c.Count,
                Balance = c.BalanceLengthwisePercent is null && c.BalanceSidewaysPercent is null
                    ? null
                    : new BalanceInput { LengthwisePercent = c.BalanceLengthwisePercent, SidewaysPercent = c.BalanceSidewaysPercent },
                Axles = JsonSerializer.Deserialize<List<AxleInput?>>(c.AxlesJson, Json) is { Count: > 0 } axles ? axles : null,
            })];

    internal static ItemInput InputOf(ShipmentItem i) => new()
    {
        Sku = i.Sku, Length = i.Length, Width = i.Width, Height = i.Height, WeightKg = i.WeightKg, Quantity = i.Quantity,
        ThisSideUp = i.ThisSideUp, Fragile = i.Fragile, FloorOnly = i.FloorOnly, MaxLoadKg = i.MaxLoadKg, Stop = i.Stop,
    };
}
