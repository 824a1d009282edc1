namespace Kitt.Packing.Cli;

/// <summary>The body of <c>POST /api/shipments</c>: cm and kg.</summary>
internal sealed record Shipment(
    string? Reference,
    string? Origin,
    string? Destination,
    string? Priority,
    ShipmentContainer? Container,
    List<ShipmentItem>? Items)
{
    public PackingRequest ToRequest()
    {
        var c = Container ?? new ShipmentContainer(0, 0, 0, null, null);
        var items = (Items ?? []).Select(i => new ItemSpec(i.Sku ?? "", i.Length, i.Width, i.Height, i.WeightKg, i.Quantity)
        {
            AllowedVertical = i.ThisSideUp ? VerticalAxes.Height : VerticalAxes.Any,
            Fragile = i.Fragile,
            FloorOnly = i.FloorOnly,
            MaxLoadKg = i.MaxLoadKg,
            Stop = i.Stop,
        }).ToList();
        return new PackingRequest([new ContainerType(c.Length, c.Width, c.Height, c.MaxPayloadKg, c.Count ?? 1)], items);
    }
}

internal sealed record ShipmentContainer(double Length, double Width, double Height, double? MaxPayloadKg, int? Count);

internal sealed record ShipmentItem(
    string? Sku,
    double Length,
    double Width,
    double Height,
    double WeightKg,
    int Quantity,
    bool ThisSideUp,
    bool Fragile,
    double? MaxLoadKg,
    int? Stop,
    bool FloorOnly = false);
