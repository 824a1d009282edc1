namespace Kitt.Packing;

/// <summary>What to pack into what.</summary>
/// <param name="Containers">Container kinds, filled in list order, one container after the other.</param>
/// <param name="Items">Shipment lines.</param>
public sealed record PackingRequest(IReadOnlyList<ContainerType> Containers, IReadOnlyList<ItemSpec> Items);
