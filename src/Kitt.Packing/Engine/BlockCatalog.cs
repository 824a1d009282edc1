namespace Kitt.Packing.Engine;

/// <summary>Every block worth trying in a region, largest volume first.</summary>
internal static class BlockCatalog
{
    // Beyond this many blocks the scans in the search cost more than the extra choice is worth.
    private const int MaxBlocks = 40_000;

    /// <summary>The simple blocks; with <paramref name="composites"/>, also those joined from them
    /// (<see cref="CompositeBlocks"/>).</summary>
    public static Block[] Build(Kind[] kinds, int[] available, Size3 region, bool composites)
    {
        var blocks = new List<Block>();
        var seen = new HashSet<(int, Size3, int)>();
        for (var k = 0; k < kinds.Length; k++)
        {
            var kind = kinds[k];
            var avail = available[k];
            if (avail <= 0) continue;
            foreach (var o in kind.Orientations)
            {
                if (o.X > region.X || o.Y > region.Y || o.Z > region.Z) continue;
                var mx = Math.Min(region.X / o.X, avail);
                var my = Math.Min(region.Y / o.Y, avail);
                var mz = Math.Min(region.Z / o.Z, avail);
                if (kind.LoadLimit is { } limit && kind.Weight > 0)
                    mz = (int)Math.Min(mz, 1 + Math.Floor(limit / kind.Weight + 1e-9));
                if (kind.FloorOnly) mz = Math.Min(mz, 1); // a box stacked on another of its kind would not be on the floor
                foreach (var nz in Steps(mz))
                foreach (var ny in Steps(my))
                foreach (var nx in Steps(mx))
                {
                    if ((long)nx * ny * nz > avail) continue;
                    var b = new Block(k, o, nx, ny, nz, kind.Weight, kind.LoadLimit is not null, kind.FloorOnly);
                    if (seen.Add((k, b.Size, b.Count))) blocks.Add(b);
                }
            }
        }
        if (composites) blocks.AddRange(CompositeBlocks.Join(blocks, available, region));
        blocks.Sort(Compare);
        if (blocks.Count > MaxBlocks)
        {
            // Keep the largest, and the single boxes that fill small gaps.
            var kept = blocks.Take(MaxBlocks).ToList();
            kept.AddRange(blocks.Skip(MaxBlocks).Where(b => b.Count == 1));
            blocks = kept;
        }
        return blocks.ToArray();
    }

    /// <summary>Highest rank (volume) first; among equals, fewer (bigger) boxes and a wider base.</summary>
    private static int Compare(Block a, Block b)
    {
        var c = b.Rank.CompareTo(a.Rank);
        if (c != 0) return c;
        c = a.Count.CompareTo(b.Count);
        if (c != 0) return c;
        c = ((long)b.Size.X * b.Size.Y).CompareTo((long)a.Size.X * a.Size.Y);
        if (c != 0) return c;
        c = a.Kind.CompareTo(b.Kind);
        if (c != 0) return c;
        c = a.Size.X.CompareTo(b.Size.X);
        if (c != 0) return c;
        c = a.Size.Y.CompareTo(b.Size.Y);
        return c != 0 ? c : a.Size.Z.CompareTo(b.Size.Z);
    }

    /// <summary>Counts along one axis: all of them when few, otherwise small ones and fractions of the most.</summary>
    private static IEnumerable<int> Steps(int max)
    {
        if (max <= 16)
        {
            for (var n = 1; n <= max; n++) yield return n;
            yield break;
        }
        var set = new SortedSet<int>();
        for (var n = 1; n <= 8; n++) set.Add(n);
        for (var d = 1; d <= 8; d++) set.Add(max / d);
        foreach (var n in set) yield return n;
    }
}
