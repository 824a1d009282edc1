namespace Kitt.Packing.Engine;

/// <summary>One box of the plan on the grid, in container coordinates and load order.</summary>
internal readonly record struct PlacedBox(int Kind, int Container, int X, int Y, int Z, Size3 Size)
{
    public int X2 => X + Size.X;
    public int Y2 => Y + Size.Y;
    public int Z2 => Z + Size.Z;
}
