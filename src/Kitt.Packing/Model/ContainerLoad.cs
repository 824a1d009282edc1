namespace Kitt.Packing;

/// <summary>A point in container coordinates, cm.</summary>
/// <param name="X">Along the length.</param>
/// <param name="Y">Along the width.</param>
/// <param name="Z">Vertical.</param>
public readonly record struct Point3(double X, double Y, double Z);

/// <summary>One container used by the plan and how full it is.</summary>
/// <param name="Index">Position in <see cref="PackingResult.Containers"/>, referenced by placements.</param>
/// <param name="TypeIndex">Index of its kind in <see cref="PackingRequest.Containers"/>.</param>
/// <param name="BoxCount">Boxes placed in it.</param>
/// <param name="Utilization">Placed box volume over inner volume, 0..1.</param>
/// <param name="WeightKg">Total weight of its boxes.</param>
/// <param name="CenterOfGravity">Weighted centre of its boxes (volume-weighted when they weigh nothing).</param>
public sealed record ContainerLoad(
    int Index,
    int TypeIndex,
    int BoxCount,
    double Utilization,
    double WeightKg,
    Point3 CenterOfGravity)
{
    /// <summary>Each axle group's share of the cargo weight, when the container's type gives axles.</summary>
    public IReadOnlyList<AxleLoad> AxleLoads { get; init; } = [];

    /// <summary>Why the load's balance is not as its type asks (centre of gravity outside the window, an axle group
    /// overloaded), in words; empty when it is.</summary>
    public IReadOnlyList<string> BalanceProblems { get; init; } = [];
}
