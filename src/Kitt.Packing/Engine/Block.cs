namespace Kitt.Packing.Engine;

/// <summary>
/// What the search places as a unit: nx × ny × nz boxes of one kind in one orientation (a simple block), or two
/// simple blocks joined where their faces align (a composite, see <see cref="Combine"/>). Positions inside a block are
/// relative to its minimum corner.
/// </summary>
internal sealed class Block
{
    /// <summary>A simple block.</summary>
    public Block(int kind, Size3 box, int nx, int ny, int nz, double boxWeight, bool noLoadOnTop, bool floorOnly = false)
    {
        Kind = kind;
        Box = box;
        Nx = nx;
        Ny = ny;
        Nz = nz;
        Size = new Size3(box.X * nx, box.Y * ny, box.Z * nz);
        Count = nx * ny * nz;
        Volume = Size.Volume;
        Weight = boxWeight * Count;
        NoLoadOnTop = noLoadOnTop;
        FloorOnly = floorOnly;
        Top = new Face(Size.X, Size.Y);
        Needs = [(kind, Count)];
        Parts = [(this, default)];
        Uniform = (kind, box);
    }

    private Block(Block first, Block second, Size3 secondAt, Size3 size, Face top)
    {
        Kind = -1;
        Size = size;
        Count = first.Count + second.Count;
        Volume = first.Volume + second.Volume;
        Weight = first.Weight + second.Weight;
        Top = top;
        var needs = first.Needs.ToList();
        foreach (var (kind, count) in second.Needs)
        {
            var i = needs.FindIndex(n => n.Kind == kind);
            if (i >= 0) needs[i] = (kind, needs[i].Count + count);
            else needs.Add((kind, count));
        }
        Needs = [.. needs.OrderBy(n => n.Kind)];
        Uniform = first.Uniform == second.Uniform ? first.Uniform : null;
        Parts = [.. first.Parts, .. second.Parts.Select(p => (p.Block, new Size3(p.At.X + secondAt.X, p.At.Y + secondAt.Y, p.At.Z + secondAt.Z)))];
    }

    /// <summary>The kind of a simple block; -1 for a composite, whose kinds are in <see cref="Needs"/>.</summary>
    public int Kind { get; }

    /// <summary>A simple block's box and counts along each axis; zero for a composite, whose boxes are its
    /// <see cref="Parts"/>.</summary>
    public Size3 Box { get; }
    public int Nx { get; }
    public int Ny { get; }
    public int Nz { get; }

    /// <summary>Its bounding box.</summary>
    public Size3 Size { get; }
    public int Count { get; }

    /// <summary>The boxes' volume: the bounding box's for a simple block, a little less for a composite.</summary>
    public long Volume { get; }
    public double Weight { get; }
    public bool NoLoadOnTop { get; }
    public bool FloorOnly { get; }

    /// <summary>The rectangle of its top, from its minimum corner, that is flat and fully supported.</summary>
    public Face Top { get; }

    /// <summary>Boxes it takes of each kind.</summary>
    public (int Kind, int Count)[] Needs { get; }

    /// <summary>Its simple blocks and where each stands in it.</summary>
    public (Block Block, Size3 At)[] Parts { get; }

    /// <summary>The kind and orientation of every box in it, when they are all alike.</summary>
    public (int Kind, Size3 Box)? Uniform { get; }

    public bool IsComposite => Kind < 0;

    /// <summary>Order of preference: volume, but a block nothing may rest on wastes the space above it, so it
    /// counts for a quarter and tends to go last, on top of the others.</summary>
    public long Rank => NoLoadOnTop ? Volume / 4 : Volume;

    /// <summary>
    /// Two blocks as one, <paramref name="b"/> beside <paramref name="a"/> along x (axis 0) or y (1) when equally high
    /// (the top is where both tops reach), or on top of it (2) when a's top holds b's base (the top is b's); when they
    /// fill <see cref="CompositeBlocks.MinFill"/> of the box around them, its top is at least
    /// <see cref="CompositeBlocks.MinTop"/> floor and it fits <paramref name="room"/>; otherwise null. Only blocks
    /// that may be loaded on and stand anywhere join, so no weight or floor rule has to look inside a composite.
    /// </summary>
    public static Block? Combine(Block a, Block b, int axis, Size3 room, int[]? available = null)
    {
        if (a.NoLoadOnTop || b.NoLoadOnTop || a.FloorOnly || b.FloorOnly) return null;
        // Alike boxes in one orientation are left to the simple blocks: joined, they mostly make those blocks again,
        // and with many boxes of a kind they would crowd out the joins of different kinds.
        if (a.Uniform is { } alike && alike == b.Uniform) return null;
        Size3 size;
        Size3 at;
        Face top;
        switch (axis)
        {
            case 0 when a.Size.Z == b.Size.Z:
                size = new Size3(a.Size.X + b.Size.X, Math.Max(a.Size.Y, b.Size.Y), a.Size.Z);
                at = new Size3(a.Size.X, 0, 0);
                // The tops join where the first's reaches its far end; otherwise the first's top is the floor.
                top = a.Top.X == a.Size.X ? new Face(a.Size.X + b.Top.X, Math.Min(a.Top.Y, b.Top.Y)) : a.Top;
                break;
            case 1 when a.Size.Z == b.Size.Z:
                size = new Size3(Math.Max(a.Size.X, b.Size.X), a.Size.Y + b.Size.Y, a.Size.Z);
                at = new Size3(0, a.Size.Y, 0);
                top = a.Top.Y == a.Size.Y ? new Face(Math.Min(a.Top.X, b.Top.X), a.Size.Y + b.Top.Y) : a.Top;
                break;
            case 2 when b.Size.X <= a.Top.X && b.Size.Y <= a.Top.Y:
                size = a.Size with { Z = a.Size.Z + b.Size.Z };
                at = new Size3(0, 0, a.Size.Z);
                top = b.Top;
                break;
            default:
                return null;
        }
        if (size.X > room.X || size.Y > room.Y || size.Z > room.Z) return null;
        if (a.Volume + b.Volume < CompositeBlocks.MinFill * size.Volume) return null;
        if ((long)top.X * top.Y < CompositeBlocks.MinTop * size.X * size.Y) return null;
        if (available is not null && !Enough(a, b, available)) return null;
        return new Block(a, b, at, size, top);
    }

    /// <summary>There are boxes enough of every kind for both.</summary>
    private static bool Enough(Block a, Block b, int[] available)
    {
        foreach (var (kind, count) in a.Needs)
        {
            var total = count;
            foreach (var n in b.Needs)
                if (n.Kind == kind) total += n.Count;
            if (total > available[kind]) return false;
        }
        foreach (var (kind, count) in b.Needs)
            if (count > available[kind]) return false;
        return true;
    }
}

/// <summary>A rectangle on a block's top, from its minimum corner.</summary>
internal readonly record struct Face(int X, int Y);
