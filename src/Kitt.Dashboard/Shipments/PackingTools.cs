using System.ComponentModel;
using Kitt.Dashboard.Equipment;
using Kitt.Dashboard.Items;
using Kitt.Dashboard.Mcp;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Security;
using Kitt.Packing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace Kitt.Dashboard.Shipments;

public sealed record PreviewPlacement(string Sku, int Line, int Container, double X, double Y, double Z, double Length, double Width, double Height, int Sequence);

public sealed record PreviewUnplaced(string Sku, int Line, int Quantity, string Reason);

/// <summary>A plan computed on request and not stored: what a dispatcher would get if these boxes were shipped.</summary>
public sealed record PackingPreview(
    double Utilization,
    int Boxes,
    int Placed,
    int UnplacedBoxes,
    int ContainersUsed,
    double ElapsedMs,
    ContainerInput Container,
    IReadOnlyList<PreviewUnplaced> Unplaced,
    IReadOnlyList<PreviewPlacement> Placements)
{
    /// <summary>Each container used, in load order, with what it holds; placements name theirs by index.</summary>
    public IReadOnlyList<ContainerLoadView> Containers { get; init; } = [];
}

/// <summary>Packs boxes with the engine right away, without storing a shipment or queueing a job.</summary>
[McpServerToolType]
public sealed class PackingTools(IOptions<PackingWorkerOptions> packing, PackingPreviews previews, EquipmentLibrary equipment, ItemLibrary library)
{
    /// <summary>
    /// Smaller than a stored shipment's limit: the search runs inside the call, and a large request belongs in the
    /// queue (<c>POST /api/shipments</c>), where the worker bounds how many run at once.
    /// </summary>
    public const int MaxBoxes = 5_000;

    private static readonly TimeSpan MaxSearch = TimeSpan.FromSeconds(5);

    [McpServerTool(Name = "optimize_packing", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Authorize(Policy = Policies.Dispatch)]
    [Description("Packs boxes into one container, or into several of the kinds given, now and returns the plan without storing anything: " +
        "volume utilization (0..1), placed and unplaced counts, why boxes were left out, each container used with its boxes, utilization, " +
        "weight and centre of gravity, and each box's container and position (cm, from the back wall, the left side and the floor) in " +
        "load order. At most 5000 boxes counting quantities.")]
    public async Task<PackingPreview> OptimizePacking(
        [Description("The lines to pack: sku (item-1, item-2, ... when left out; a SKU of the item library with length, width and height left out takes its sizes, weight and handling from there), length, width, height (cm), weight_kg, quantity (1 when left out), this_side_up, fragile, floor_only (must stand on the container floor), " +
            "max_load_kg (most weight that may rest on one box), stop (delivery stop, unloaded in ascending order).")]
        List<ItemInput?> items,
        [Description("The container: type, a code from the equipment library (20DV, 40DV, 40HC, 45HC, 20RF, 40RF, EU136, US53, or one an Admin added), " +
            "or inner length, width, height (cm) and max_payload_kg; a 40 ft standard container (40DV) when left out.")]
        ContainerInput? container = null,
        [Description("Container kinds to fill in this order instead of one container: each a type or inner length, width, height (cm) " +
            "and max_payload_kg, count (how many may be used; as many as the boxes need when left out), balance { lengthwise_percent, sideways_percent } " +
            "(where the centre of gravity may lie, % either side of the middle; 10 and 5 when left out) and axles [{ position_cm, max_load_kg }, { ... }] " +
            "(two axle groups, cm from the back wall, the cargo weight each may take). The engine uses as few containers as it can.")]
        List<ContainerInput?>? containers = null,
        CancellationToken cancellationToken = default)
    {
        if (containers is not { Count: > 0 })
        {
            container ??= new ContainerInput { Type = StandardEquipment.Default.Code };
        }

        // The library first, so a line without a SKU is not looked up under the name it is given below.
        IReadOnlyList<FieldError> errors = [
            .. await equipment.ApplyAsync(container, containers, ShipmentRules.MaxContainerKinds, cancellationToken),
            .. await library.ApplyAsync(items, "items", cancellationToken)];
        // As on the socket: a line without a SKU is named after its place, item-1 for the first.
        for (var line = 0; line < items.Count; line++)
        {
            if (items[line] is { } item && string.IsNullOrWhiteSpace(item.Sku))
            {
                item.Sku = ShipmentRequestPayload.UnnamedSku(line);
            }
        }

        if (errors.Count == 0)
        {
            errors = ShipmentRules.CheckLoad(container, containers, items, MaxBoxes);
        }

        if (errors.Count > 0)
        {
            throw ToolErrors.Invalid(errors);
        }

        using var slot = await previews.EnterAsync(cancellationToken)
            ?? throw ToolErrors.Busy($"{previews.Capacity} packing previews are running; call again shortly, or queue the shipment with POST /api/shipments");
        var lines = items.Select(i => i!).ToList();
        var shipment = new ShipmentRequest { Container = container, Containers = containers, Items = lines };
        var kinds = shipment.ContainerKinds().Select(c => c!).ToList();
        var request = ShipmentRequest.PackingRequestOf(kinds, lines);
        var search = TimeSpan.FromSeconds(packing.Value.SearchSeconds);
        var options = new Kitt.Packing.PackingOptions { TimeLimit = search < MaxSearch ? search : MaxSearch };
        var result = await Task.Run(() => Packer.Pack(request, options, cancellationToken), cancellationToken);

        var unplaced = result.Unplaced.Select(u => new PreviewUnplaced(u.ItemId, u.ItemIndex, u.Count, u.Message)).ToList();
        return new PackingPreview(
            result.Utilization,
            lines.Sum(i => i.Quantity ?? 1),
            result.Placements.Count,
            unplaced.Sum(u => u.Quantity),
            result.Containers.Count,
            result.Elapsed.TotalMilliseconds,
            kinds[0],
            unplaced,
            [.. result.Placements.Select(p => new PreviewPlacement(p.ItemId, p.ItemIndex, p.ContainerIndex, p.X, p.Y, p.Z, p.Dx, p.Dy, p.Dz, p.Sequence))])
        {
            Containers = ContainerLoads.Of(result, kinds),
        };
    }
}
