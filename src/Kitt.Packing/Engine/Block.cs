namespace Kitt.Packing.Engine;

/// <summary>nx × ny × nz boxes of one kind in one orientation, placed as a unit.</summary>
internal sealed record Block(int Kind, Size3 Box, int Nx, int Ny, int Nz, double BoxWeight, bool NoLoadOnTop, bool FloorOnly = false)
{
    public Size3 Size { get; } = new(Box.X * Nx, Box.Y * Ny, Box.Z * Nz);
    public int Count => Nx * Ny * Nz;
    public long Volume => Size.Volume;
    public double Weight => BoxWeight * Count;

    /// <summary>Order of preference: volume, but a block nothing may rest on wastes the space above it, so it
    /// counts for a quarter and tends to go last, on top of the others.</summary>
    public long Rank => NoLoadOnTop ? Volume / 4 : Volume;
}
