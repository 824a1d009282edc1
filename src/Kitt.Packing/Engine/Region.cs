namespace Kitt.Packing.Engine;

/// <summary>The part of a container one search fills.</summary>
/// <param name="Size">Extents of the region, grid units.</param>
/// <param name="PayloadLeft">Weight the region may still take, kg.</param>
/// <param name="FromBack">Fill from x = 0 toward the door, as multi-drop loading needs.</param>
internal sealed record Region(Size3 Size, double PayloadLeft, bool FromBack);
