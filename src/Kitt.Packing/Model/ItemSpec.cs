namespace Kitt.Packing;

/// <summary>One line of a shipment: <see cref="Quantity"/> identical boxes.</summary>
/// <param name="Id">Identifier or SKU, reported back in placements.</param>
/// <param name="Length">Length, cm.</param>
/// <param name="Width">Width, cm.</param>
/// <param name="Height">Height, cm.</param>
/// <param name="WeightKg">Weight of one box, kg (zero allowed).</param>
/// <param name="Quantity">Number of boxes, at least one.</param>
public sealed record ItemSpec(
    string Id,
    double Length,
    double Width,
    double Height,
    double WeightKg = 0,
    int Quantity = 1)
{
    /// <summary>Dimensions allowed to stand vertical; <see cref="VerticalAxes.Height"/> means "this side up".</summary>
    public VerticalAxes AllowedVertical { get; init; } = VerticalAxes.Any;

    /// <summary>Nothing may rest on a fragile box beyond <see cref="MaxLoadKg"/> (zero when that is not given).</summary>
    public bool Fragile { get; init; }

    /// <summary>Most weight, kg, that may rest on one box, directly or through other boxes; null is no limit
    /// unless <see cref="Fragile"/> is set.</summary>
    public double? MaxLoadKg { get; init; }

    /// <summary>Must stand on the container floor, nothing under it: machinery, pallets that must not be lifted.
    /// Other boxes may stand on it (within <see cref="MaxLoadKg"/>).</summary>
    public bool FloorOnly { get; init; }

    /// <summary>Delivery stop, unloaded in ascending order; boxes without a stop travel to the final destination
    /// and are unloaded last.</summary>
    public int? Stop { get; init; }

    /// <summary>The load limit that applies, or null when any load is allowed.</summary>
    public double? EffectiveLoadLimitKg => MaxLoadKg ?? (Fragile ? 0 : null);

    /// <summary>The stop order used for loading: a missing stop sorts last.</summary>
    public int EffectiveStop => Stop ?? int.MaxValue;
}
