namespace Kitt.Packing.Engine;

/// <summary>Which free space is filled next.</summary>
internal enum SpaceRule
{
    /// <summary>The space whose nearest floor corner is closest to a container corner (sorted distances).</summary>
    NearestCorner,
    /// <summary>The lowest floor first, then the nearest corner: builds layer by layer.</summary>
    LowestFirst,
}

/// <summary>
/// The moves of the block-building search: pick the free space nearest a container corner, list the blocks that
/// fit it, place one and split the free spaces around it. Floors of spaces are always fully supported: a block
/// rests on a space's floor, and the only new floor is the block's own top.
/// </summary>
internal sealed class BlockPlacer
{
    private readonly Region _region;
    private readonly Block[] _blocks;
    private readonly long[] _ranks;

    // The scan for blocks that fit a space reads these side by side rather than each block's object: thousands of
    // blocks are passed over for every one placed.
    private readonly Size3[] _sizes;
    private readonly int[] _kinds;
    private readonly int[] _counts;
    private readonly double[] _weights;
    private readonly int _minSide;
    private readonly long _minVolume;
    private readonly SpaceRule _rule;
    private readonly bool _hasFloorOnly;
    private readonly Space[] _start;

    public BlockPlacer(Region region, Block[] blocks, SpaceRule rule)
    {
        _region = region;
        _blocks = blocks;
        _ranks = blocks.Select(b => b.Rank).ToArray();
        _sizes = blocks.Select(b => b.Size).ToArray();
        _kinds = blocks.Select(b => b.Kind).ToArray();
        _counts = blocks.Select(b => b.Count).ToArray();
        _weights = blocks.Select(b => b.Weight).ToArray();
        // The smallest box decides which spaces are too small to keep; composites hold only boxes the simple blocks have.
        var simple = blocks.Where(b => !b.IsComposite).ToArray();
        _minSide = simple.Length == 0 ? int.MaxValue : simple.Min(b => Math.Min(b.Box.X, Math.Min(b.Box.Y, b.Box.Z)));
        _minVolume = simple.Length == 0 ? long.MaxValue : simple.Min(b => b.Box.Volume);
        _rule = rule;
        _hasFloorOnly = blocks.Any(b => b.FloorOnly);
        _start = StartSpaces();
    }

    public Block[] Blocks => _blocks;

    public PackState Start(int[] available) => new(new List<Space>(_start), (int[])available.Clone());

    /// <summary>
    /// The free spaces of the region around the blocks already loaded: each is placed again in load order, as the
    /// search would have, with its top closed by whatever stands above it; then the room behind and below each is
    /// cut away, since a box of this search there would be unreachable until that later stop.
    /// </summary>
    private Space[] StartSpaces()
    {
        var s = _region.Size;
        var spaces = new List<Space>();
        if (_blocks.Length == 0) return [];
        spaces.Add(new Space(0, 0, 0, s.X, s.Y, s.Z));
        var loaded = _region.Loaded ?? [];
        for (var i = 0; i < loaded.Count; i++)
        {
            // A region shorter than the container ends at its door side: what lies beyond is not in it.
            if (loaded[i].Box.X1 >= s.X) continue;
            var box = loaded[i].Box with { X2 = Math.Min(loaded[i].Box.X2, s.X) };
            var ceiling = s.Z;
            for (var j = 0; j < i; j++)
            {
                var above = loaded[j].Box;
                if (above.Z1 >= box.Z2 && above.X1 < box.X2 && box.X1 < above.X2 && above.Y1 < box.Y2 && box.Y1 < above.Y2)
                    ceiling = Math.Min(ceiling, above.Z1);
            }
            SplitSpaces(spaces, box, ceiling, loaded[i].NoLoadOnTop);
        }
        foreach (var l in loaded)
        {
            var b = l.Box with { X1 = Math.Min(l.Box.X1, s.X), X2 = Math.Min(l.Box.X2, s.X) };
            if (b.X1 > 0) SplitSpaces(spaces, new Space(0, b.Y1, b.Z1, b.X1, b.Y2, b.Z2), 0, noLoadOnTop: true);
            if (b.Z1 > 0) SplitSpaces(spaces, new Space(b.X1, b.Y1, 0, b.X2, b.Y2, b.Z1), 0, noLoadOnTop: true);
        }
        return spaces.ToArray();
    }

    /// <summary>Index of the space to fill next, or -1 when none is left.</summary>
    public int SelectSpace(PackState state)
    {
        var best = -1;
        (long, long, long) bestKey = default;
        long bestVolume = 0;
        var spaces = state.Spaces;
        for (var i = 0; i < spaces.Count; i++)
        {
            var sp = spaces[i];
            var key = CornerKey(sp);
            var volume = sp.Volume;
            if (best < 0 || key.CompareTo(bestKey) < 0 || (key == bestKey && volume > bestVolume))
            {
                best = i;
                bestKey = key;
                bestVolume = volume;
            }
        }
        return best;
    }

    /// <summary>Distances of the space's nearest floor corner to the container's matching corner, sorted, so
    /// that spaces in corners and along walls are filled first and free volume stays in one piece.</summary>
    private (long, long, long) CornerKey(in Space sp)
    {
        var size = _region.Size;
        long dx = _region.FromBack ? sp.X1 : Math.Min(sp.X1, size.X - sp.X2);
        long dy = Math.Min(sp.Y1, size.Y - sp.Y2);
        long dz = sp.Z1;
        if (_region.FromBack) return (dx, Math.Min(dy, dz), Math.Max(dy, dz));
        if (_rule == SpaceRule.LowestFirst) return (dz, Math.Min(dx, dy), Math.Max(dx, dy));
        if (dx > dy) (dx, dy) = (dy, dx);
        if (dy > dz) (dy, dz) = (dz, dy);
        if (dx > dy) (dx, dy) = (dy, dx);
        return (dx, dy, dz);
    }

    /// <summary>
    /// Fills <paramref name="into"/> with up to its length blocks that fit the space, largest first. On the floor,
    /// floor-only blocks come first: anything else can go higher up, they cannot; above it they are not listed.
    /// </summary>
    public int Candidates(PackState state, in Space sp, Span<int> into)
    {
        var found = 0;
        var payload = _region.PayloadLeft - state.Weight + 1e-9;
        var onFloor = sp.Z1 == 0;
        int dx = sp.Dx, dy = sp.Dy, dz = sp.Dz;
        var remaining = state.Remaining;
        for (var pass = _hasFloorOnly && onFloor ? 0 : 1; pass < 2; pass++)
        {
            for (var i = FirstNotLargerThan(sp.Volume); i < _sizes.Length && found < into.Length; i++)
            {
                var size = _sizes[i];
                if (size.X > dx || size.Y > dy || size.Z > dz || _weights[i] > payload) continue;
                var kind = _kinds[i];
                if (kind >= 0 ? remaining[kind] < _counts[i] : !Enough(remaining, _blocks[i])) continue;
                if (_hasFloorOnly && _blocks[i].FloorOnly != (pass == 0)) continue; // floor-only blocks in the first pass alone
                into[found++] = i;
            }
        }
        return found;
    }

    private static bool Enough(int[] remaining, Block b)
    {
        foreach (var (kind, count) in b.Needs)
            if (remaining[kind] < count) return false;
        return true;
    }

    private int FirstNotLargerThan(long volume)
    {
        // Rank never exceeds volume, so blocks ranked above the space's volume cannot fit it.
        int lo = 0, hi = _ranks.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_ranks[mid] > volume) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>Places block <paramref name="blockIndex"/> in the corner of space <paramref name="spaceIndex"/>.</summary>
    public void Place(PackState state, int spaceIndex, int blockIndex)
    {
        var sp = state.Spaces[spaceIndex];
        var b = _blocks[blockIndex];
        var size = _region.Size;
        var low = _region.FromBack || sp.X1 <= size.X - sp.X2;
        var x = low ? sp.X1 : sp.X2 - b.Size.X;
        var y = sp.Y1 <= size.Y - sp.Y2 ? sp.Y1 : sp.Y2 - b.Size.Y;
        var z = sp.Z1;
        var box = new Space(x, y, z, x + b.Size.X, y + b.Size.Y, z + b.Size.Z);

        state.Placed.Add(new PlacedBlock(blockIndex, x, y, z));
        foreach (var (kind, count) in b.Needs) state.Remaining[kind] -= count;
        state.Volume += b.Volume;
        state.Weight += b.Weight;
        SplitSpaces(state.Spaces, box, sp.Z2, b.NoLoadOnTop, b.Top);
    }

    public void RemoveSpace(PackState state, int spaceIndex) => state.Spaces.RemoveAt(spaceIndex);

    /// <summary>Block tops at the same height that touch form one wider floor: the rectangle spanning both
    /// along the side they share is fully supported, so a later block may bridge the two.</summary>
    private static void TryMerge(in Space top, in Space t, List<Space> into)
    {
        if (t.Z1 != top.Z1) return;
        var z2 = Math.Min(t.Z2, top.Z2);
        if (t.X2 == top.X1 || top.X2 == t.X1)
        {
            int y1 = Math.Max(t.Y1, top.Y1), y2 = Math.Min(t.Y2, top.Y2);
            if (y2 > y1) into.Add(new Space(Math.Min(t.X1, top.X1), y1, top.Z1, Math.Max(t.X2, top.X2), y2, z2));
        }
        else if (t.Y2 == top.Y1 || top.Y2 == t.Y1)
        {
            int x1 = Math.Max(t.X1, top.X1), x2 = Math.Min(t.X2, top.X2);
            if (x2 > x1) into.Add(new Space(x1, Math.Min(t.Y1, top.Y1), top.Z1, x2, Math.Max(t.Y2, top.Y2), z2));
        }
    }

    // One scratch list per thread: placements run by the million, from parallel completions.
    [ThreadStatic] private static List<Space>? _fresh;

    /// <param name="top">The part of the box's top that is a floor, from its minimum corner; null: all of it.</param>
    private void SplitSpaces(List<Space> spaces, in Space box, int ceiling, bool noLoadOnTop, Face? top = null)
    {
        var fresh = _fresh ??= new List<Space>(16);
        fresh.Clear();
        var kept = 0;
        for (var i = 0; i < spaces.Count; i++)
        {
            var t = spaces[i];
            if (!t.Overlaps(box))
            {
                spaces[kept++] = t;
                continue;
            }
            // What is left of t beside and below the block keeps t's supported floor; the part above the block
            // would stand partly on air and is dropped (the block's own top becomes a new space instead).
            if (t.X1 < box.X1) fresh.Add(t with { X2 = box.X1 });
            if (box.X2 < t.X2) fresh.Add(t with { X1 = box.X2 });
            if (t.Y1 < box.Y1) fresh.Add(t with { Y2 = box.Y1 });
            if (box.Y2 < t.Y2) fresh.Add(t with { Y1 = box.Y2 });
            if (t.Z1 < box.Z1) fresh.Add(t with { Z2 = box.Z1 });
        }
        spaces.RemoveRange(kept, spaces.Count - kept);
        var merged = 0;
        if (!noLoadOnTop && box.Z2 < ceiling)
        {
            var floor = top is { } f
                ? new Space(box.X1, box.Y1, box.Z2, box.X1 + f.X, box.Y1 + f.Y, ceiling)
                : new Space(box.X1, box.Y1, box.Z2, box.X2, box.Y2, ceiling);
            var plain = fresh.Count;
            fresh.Add(floor);
            foreach (var t in spaces) TryMerge(floor, t, fresh);
            for (var i = 0; i < plain; i++) TryMerge(floor, fresh[i], fresh);
            merged = fresh.Count - plain - 1;
        }
        if (merged > 0)
        {
            // A merged floor can swallow the spaces it was made from.
            var bigger = fresh.GetRange(fresh.Count - merged, merged);
            spaces.RemoveAll(t => bigger.Any(m => m.Contains(t)));
            kept = spaces.Count;
        }

        for (var i = 0; i < fresh.Count; i++)
        {
            var f = fresh[i];
            if (f.Dx < _minSide || f.Dy < _minSide || f.Dz < _minSide || f.Volume < _minVolume) continue;
            var dominated = false;
            for (var j = 0; j < fresh.Count && !dominated; j++)
                dominated = j != i && fresh[j].Contains(f) && (fresh[j] != f || j < i);
            for (var j = 0; j < kept && !dominated; j++)
                dominated = spaces[j].Contains(f);
            if (!dominated) spaces.Add(f);
        }
    }
}
