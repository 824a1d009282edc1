namespace Kitt.Packing.Engine;

/// <summary>Integer extents on the millimetre grid.</summary>
internal readonly record struct Size3(int X, int Y, int Z)
{
    public long Volume => (long)X * Y * Z;
}

/// <summary>An axis-aligned empty cuboid whose floor (z = Z1) is fully supported.</summary>
internal readonly record struct Space(int X1, int Y1, int Z1, int X2, int Y2, int Z2)
{
    public int Dx => X2 - X1;
    public int Dy => Y2 - Y1;
    public int Dz => Z2 - Z1;
    public long Volume => (long)Dx * Dy * Dz;

    public bool Overlaps(in Space o) =>
        X1 < o.X2 && o.X1 < X2 && Y1 < o.Y2 && o.Y1 < Y2 && Z1 < o.Z2 && o.Z1 < Z2;

    public bool Contains(in Space o) =>
        X1 <= o.X1 && Y1 <= o.Y1 && Z1 <= o.Z1 && o.X2 <= X2 && o.Y2 <= Y2 && o.Z2 <= Z2;

    public bool Holds(Size3 s) => s.X <= Dx && s.Y <= Dy && s.Z <= Dz;
}
