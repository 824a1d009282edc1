namespace Kitt.Packing;

/// <summary>
/// Where the centre of gravity of a container's load may lie: within <see cref="LengthwisePercent"/> of the length
/// and <see cref="SidewaysPercent"/> of the width either side of the container's centre. The defaults, ±10 % of the
/// length and ±5 % of the width, keep a load of a 40 ft container within 1.2 m of its middle lengthwise and
/// 12 cm sideways: roughly even axle loads, and no lean in curves.
/// </summary>
public sealed record BalanceWindow(double LengthwisePercent = BalanceWindow.DefaultLengthwisePercent, double SidewaysPercent = BalanceWindow.DefaultSidewaysPercent)
{
    public const double DefaultLengthwisePercent = 10;
    public const double DefaultSidewaysPercent = 5;

    public static readonly BalanceWindow Default = new();

    /// <summary>A window whose parts left out keep their defaults.</summary>
    public static BalanceWindow Of(double? lengthwisePercent, double? sidewaysPercent) =>
        new(lengthwisePercent ?? DefaultLengthwisePercent, sidewaysPercent ?? DefaultSidewaysPercent);
}

/// <summary>
/// One axle group of the vehicle that carries a container, for the lever model of its axle loads.
/// </summary>
/// <param name="PositionCm">Where the group bears, cm along the container from its back wall (x = 0, the end away
/// from the door); it may lie outside the container, as a kingpin ahead of it does.</param>
/// <param name="MaxLoadKg">The most cargo weight the group may take: its legal or technical limit less what the
/// empty vehicle already puts on it.</param>
public sealed record AxleGroup(double PositionCm, double MaxLoadKg);

/// <summary>The cargo weight an axle group carries in a plan, by the lever model.</summary>
public sealed record AxleLoad(double PositionCm, double LoadKg, double MaxLoadKg)
{
    public bool Within => LoadKg <= MaxLoadKg + 1e-6;
}
