namespace Kitt.Packing.Cli;

/// <summary>The body of <c>POST /api/shipments</c>: cm and kg.</summary>
internal sealed record Shipment(
    string? Reference,
    string? Origin,
    string? Destination,
    string? Priority,
    ShipmentContainer? Container,
    List<ShipmentItem>? Items,
    List<ShipmentContainer>? Containers = null)
{
    /// <summary>Whether the kinds came as a list (errors then name containers[n]) or as one container.</summary>
    public bool Listed => Containers is { Count: > 0 };

    public PackingRequest ToRequest()
    {
        var items = (Items ?? []).Select(i => new ItemSpec(i.Sku ?? "", i.Length, i.Width, i.Height, i.WeightKg, i.Quantity)
        {
            AllowedVertical = i.ThisSideUp ? VerticalAxes.Height : VerticalAxes.Any,
            Fragile = i.Fragile,
            FloorOnly = i.FloorOnly,
            MaxLoadKg = i.MaxLoadKg,
            Stop = i.Stop,
        }).ToList();
        // One container is one unless it says how many; a list's kinds are as many as needed unless they say.
        IEnumerable<ContainerType> kinds = Listed
            ? Containers!.Select(c => c.ToType(c.Count))
            : [(Container ?? new ShipmentContainer(0, 0, 0, null, null)).ToType(Container?.Count ?? 1)];
        return new PackingRequest([.. kinds], items);
    }
}

internal sealed record ShipmentContainer(double Length, double Width, double Height, double? MaxPayloadKg, int? Count,
    ShipmentBalance? Balance = null, List<AxleGroup>? Axles = null)
{
    public ContainerType ToType(int? count) => new(Length, Width, Height, MaxPayloadKg, count)
    {
        Balance = BalanceWindow.Of(Balance?.LengthwisePercent, Balance?.SidewaysPercent),
        Axles = Axles ?? [],
    };
}

internal sealed record ShipmentBalance(double? LengthwisePercent, double? SidewaysPercent);

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
