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

    public ContainerInput? Container { get; set; }

    public List<ItemInput>? Items { get; set; }

    /// <summary>The engine's view of the shipment: one container kind, one line per item.</summary>
    public PackingRequest ToPackingRequest() => PackingRequestOf(Container ?? new ContainerInput(), Items ?? []);

    public static PackingRequest PackingRequestOf(ContainerInput container, IEnumerable<ItemInput> items) => new(
        [new ContainerType(container.Length, container.Width, container.Height, container.MaxPayloadKg)],
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
