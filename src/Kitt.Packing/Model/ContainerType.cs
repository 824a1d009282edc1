namespace Kitt.Packing;

/// <summary>A kind of container, by its inner dimensions in centimetres.</summary>
/// <param name="Length">Inner length (x axis, from the back wall at x = 0 to the door at x = length), cm.</param>
/// <param name="Width">Inner width (y axis), cm.</param>
/// <param name="Height">Inner height (z axis, vertical), cm.</param>
/// <param name="MaxPayloadKg">Maximum payload in kg; null means no limit.</param>
/// <param name="Count">How many containers of this kind are available; null means as many as needed.</param>
public sealed record ContainerType(
    double Length,
    double Width,
    double Height,
    double? MaxPayloadKg = null,
    int? Count = 1)
{
    /// <summary>Where the load's centre of gravity may lie; <see cref="BalanceWindow.Default"/> when not given.</summary>
    public BalanceWindow Balance { get; init; } = BalanceWindow.Default;

    /// <summary>The two axle groups of the vehicle that carries it, the one nearer the back wall first, for axle loads;
    /// none: not checked.</summary>
    public IReadOnlyList<AxleGroup> Axles { get; init; } = [];
}
