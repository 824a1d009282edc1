using Kitt.Packing;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// A shipment as it arrives: the body of <c>POST /api/shipments</c> and the model of the new-shipment form, in cm
/// and kg. Mutable so the form can bind to it.
/// </summary>
public sealed class ShipmentRequest
{
    public string? Reference { get; set; }

    /// <summary>The sending system's own id of the shipment, unique per sender; results carry it back.</summary>
    public string? ExternalId { get; set; }

    public string? Origin { get; set; }

    public string? Destination { get; set; }

    public string? Priority { get; set; }

    public string? RouteConditions { get; set; }

    /// <summary>One container: the shipment as it was before it could take several; <see cref="ContainerInput.Count"/>
    /// is 1 when left out. Give this or <see cref="Containers"/>.</summary>
    public ContainerInput? Container { get; set; }

    /// <summary>Container kinds filled in this order, each up to its <see cref="ContainerInput.Count"/> (as many as
    /// needed when left out).</summary>
    public List<ContainerInput?>? Containers { get; set; }

    public List<ItemInput>? Items { get; set; }

    /// <summary>The container kinds as the engine fills them, whichever of the two fields carried them; empty when
    /// neither did. A lone <c>container</c> is one container unless it says how many.</summary>
    public IReadOnlyList<ContainerInput?> ContainerKinds()
    {
        if (Containers is { Count: > 0 })
        {
            return Containers;
        }

        if (Container is null)
        {
            return [];
        }

        Container.Count ??= 1;
        return [Container];
    }

    /// <summary>The engine's view of the shipment: its container kinds, one line per item.</summary>
    public PackingRequest ToPackingRequest() => PackingRequestOf([.. ContainerKinds().Select(c => c ?? new ContainerInput())], Items ?? []);

    public static PackingRequest PackingRequestOf(IReadOnlyList<ContainerInput> containers, IEnumerable<ItemInput> items) => new(
        [.. containers.Select(c => c.ToContainerType())],
        [.. items.Select(i => i.ToSpec())]);
}

public sealed class ContainerInput
{
    /// <summary>
    /// The equipment's code in the library (<c>40HC</c>): its sizes and payload fill those left out. Null: the sizes
    /// are given.
    /// </summary>
    public string? Type { get; set; }

    public double Length { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }

    public double? MaxPayloadKg { get; set; }

    /// <summary>How many of this kind may be used; null: as many as needed (in a list of kinds) or one (alone).</summary>
    public int? Count { get; set; }

    /// <summary>Where the load's centre of gravity may lie, in % of the length and width either side of the middle;
    /// ±10 % and ±5 % when left out.</summary>
    public BalanceInput? Balance { get; set; }

    /// <summary>The two axle groups of the vehicle, the one nearer the back wall first, for axle loads; none: not checked.</summary>
    public List<AxleInput?>? Axles { get; set; }

    /// <summary>The engine's kind: a count left out is as many as needed up to <see cref="ShipmentRules.MaxContainerCount"/>,
    /// so no shipment can ask for thousands of containers; axle fields left out are reported by <see cref="ShipmentRules"/>.</summary>
    public ContainerType ToContainerType() => new(Length, Width, Height, MaxPayloadKg, Count ?? ShipmentRules.MaxContainerCount)
    {
        Balance = BalanceWindow.Of(Balance?.LengthwisePercent, Balance?.SidewaysPercent),
        Axles = [.. (Axles ?? []).Select(a => a is null ? null! : new AxleGroup(a.PositionCm ?? 0, a.MaxLoadKg ?? 0))],
    };
}

/// <summary>A balance window: either part left out keeps its default.</summary>
public sealed class BalanceInput
{
    public double? LengthwisePercent { get; set; }

    public double? SidewaysPercent { get; set; }
}

/// <summary>An axle group: where it bears (cm from the container's back wall, x = 0) and the most cargo weight it may take.</summary>
public sealed class AxleInput
{
    public double? PositionCm { get; set; }

    public double? MaxLoadKg { get; set; }
}

public sealed class ItemInput
{
    public string? Sku { get; set; }

    public double Length { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }

    public double WeightKg { get; set; }

    /// <summary>One box when left out.</summary>
    public int? Quantity { get; set; }

    public bool ThisSideUp { get; set; }

    public bool Fragile { get; set; }

    /// <summary>Must stand on the container floor: machinery, pallets that must not be lifted.</summary>
    public bool FloorOnly { get; set; }

    public double? MaxLoadKg { get; set; }

    public int? Stop { get; set; }

    public ItemSpec ToSpec() => new(Sku ?? "", Length, Width, Height, WeightKg, Quantity ?? 1)
    {
        AllowedVertical = ThisSideUp ? VerticalAxes.Height : VerticalAxes.Any,
        Fragile = Fragile,
        FloorOnly = FloorOnly,
        MaxLoadKg = MaxLoadKg,
        Stop = Stop,
    };
}
