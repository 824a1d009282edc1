namespace Kitt.Packing;

/// <summary>A loading plan.</summary>
/// <param name="Placements">Every placed box, grouped by container and in load order.</param>
/// <param name="Unplaced">Boxes left out, by line and reason.</param>
/// <param name="Containers">Containers used, in the order they are filled.</param>
/// <param name="Elapsed">Time spent searching.</param>
public sealed record PackingResult(
    IReadOnlyList<Placement> Placements,
    IReadOnlyList<UnplacedItem> Unplaced,
    IReadOnlyList<ContainerLoad> Containers,
    TimeSpan Elapsed)
{
    /// <summary>Placed volume over the volume of the containers used (0 when none are used).</summary>
    public double Utilization { get; init; }
}
