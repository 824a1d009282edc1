namespace Kitt.Packing;

/// <summary>One box in one container. Coordinates are of the box's minimum corner, in cm.</summary>
/// <param name="ItemIndex">Index of the box's line in <see cref="PackingRequest.Items"/>.</param>
/// <param name="ItemId">The line's id or SKU.</param>
/// <param name="ContainerIndex">Index into <see cref="PackingResult.Containers"/>.</param>
/// <param name="X">Position along the length, from the back wall.</param>
/// <param name="Y">Position along the width.</param>
/// <param name="Z">Height above the floor.</param>
/// <param name="Dx">Extent along x once oriented.</param>
/// <param name="Dy">Extent along y once oriented.</param>
/// <param name="Dz">Extent along z once oriented.</param>
/// <param name="Sequence">Load order within the container, from 1: every box comes after those it rests on.</param>
/// <param name="SupportFraction">Fraction of the base resting on the floor or on boxes directly below.</param>
public sealed record Placement(
    int ItemIndex,
    string ItemId,
    int ContainerIndex,
    double X,
    double Y,
    double Z,
    double Dx,
    double Dy,
    double Dz,
    int Sequence,
    double SupportFraction);
