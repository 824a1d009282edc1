namespace Kitt.Packing.Engine;

/// <summary>The part of a container one search fills.</summary>
/// <param name="Size">Extents of the region, grid units.</param>
/// <param name="PayloadLeft">Weight the region may still take, kg.</param>
/// <param name="FromBack">Fill from x = 0 toward the door, as multi-drop loading needs.</param>
/// <param name="Loaded">Blocks of later stops already in the region. Their tops and the room beside and in front of
/// them take this search's boxes; the room behind them (toward x = 0, in their shadow) and below them does not, as a
/// box there could not be unloaded before them.</param>
internal sealed record Region(Size3 Size, double PayloadLeft, bool FromBack, IReadOnlyList<LoadedBlock>? Loaded = null);

/// <summary>A block standing in the region before the search starts.</summary>
/// <param name="Box">Its extents.</param>
/// <param name="NoLoadOnTop">Nothing may rest on it, so its top is no floor.</param>
internal readonly record struct LoadedBlock(Space Box, bool NoLoadOnTop)
{
    public static LoadedBlock Of(PlacedBlock placed, Block block) =>
        new(new Space(placed.X, placed.Y, placed.Z, placed.X + block.Size.X, placed.Y + block.Size.Y,
            placed.Z + block.Size.Z), block.NoLoadOnTop);
}
