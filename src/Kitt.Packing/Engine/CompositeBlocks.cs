namespace Kitt.Packing.Engine;

/// <summary>
/// Composite blocks, after Fanslau and Bortfeldt's general blocks: two blocks of any boxes joined where their faces
/// align. With many box types there are few boxes of each, so simple blocks are small and uneven; joined, two of them
/// fill a space as one larger block would. Measured by class (<c>kitt-packing classes</c>), they gain from about 50
/// box types up and cost on a few types, where the simple blocks are large already; the search therefore runs them
/// as one of its two opinions (see <see cref="ContainerFiller"/>).
/// </summary>
internal static class CompositeBlocks
{
    // A composite's boxes fill at least this share of the box around it, and its floor on top covers at least this
    // share of its top. Tried at 0.88, 0.92, 0.95 and 0.98 on BR8-BR15 instances: 0.95 packed best.
    public const double MinFill = 0.95;
    public const double MinTop = 0.95;

    // A second round joins composites with blocks again (+0.3 points on BR8-BR15); a third added nothing.
    private const int Rounds = 2;

    // Many boxes of a kind make thousands of simple blocks, and pairs of them grow as the square: the largest blocks
    // are joined, and joining stops at a number the search still scans quickly. Neither bound is reached with the
    // few boxes per kind that composites are for.
    private const int MaxPool = 2_000;
    private const int MaxComposites = 10_000;

    /// <summary>Every composite of <paramref name="simple"/> that the boxes available can make, in two rounds.</summary>
    public static List<Block> Join(List<Block> simple, int[] available, Size3 region)
    {
        var joinable = simple.Where(b => !b.NoLoadOnTop && !b.FloorOnly).ToList();
        var found = new List<Block>();
        var seen = new HashSet<(Size3, long, ulong)>();
        for (var round = 0; round < Rounds && found.Count < MaxComposites; round++)
        {
            var pool = joinable.Concat(found).OrderByDescending(b => b.Volume).Take(MaxPool).ToList();
            var fresh = new List<Block>();
            bool Add(Block? c)
            {
                if (c is not null && seen.Add((c.Size, c.Volume, Signature(c.Needs)))) fresh.Add(c);
                return found.Count + fresh.Count < MaxComposites;
            }
            if (SideBySide(pool, region, available, Add)) OneOnAnother(pool, region, available, Add);
            found.AddRange(fresh);
        }
        return found;
    }

    /// <summary>Equally high, and as deep (joined along x) or as long (along y) within <see cref="MinTop"/>, so that
    /// the top stays one floor.</summary>
    /// <returns>False once <paramref name="add"/> says there are enough.</returns>
    private static bool SideBySide(List<Block> pool, Size3 region, int[] available, Func<Block?, bool> add)
    {
        foreach (var level in pool.GroupBy(b => b.Size.Z))
        {
            for (var axis = 0; axis < 2; axis++)
            {
                Func<Block, int> across = axis == 0 ? b => b.Size.Y : b => b.Size.X;
                var sorted = level.OrderBy(across).ToList();
                for (var i = 0; i < sorted.Count; i++)
                for (var j = i + 1; j < sorted.Count && across(sorted[i]) >= MinTop * across(sorted[j]); j++)
                    if (!add(Block.Combine(sorted[j], sorted[i], axis, region, available))) return false;
            }
        }
        return true;
    }

    /// <summary>The upper's base covers nearly all of the lower's top.</summary>
    private static void OneOnAnother(List<Block> pool, Size3 region, int[] available, Func<Block?, bool> add)
    {
        var byBase = pool.OrderBy(Footprint).ToList();
        var areas = byBase.Select(Footprint).ToArray();
        foreach (var lower in pool)
        {
            var area = Footprint(lower);
            for (var j = LowerBound(areas, (long)Math.Ceiling(MinTop * area)); j < byBase.Count && areas[j] <= area; j++)
                if (!ReferenceEquals(byBase[j], lower) && !add(Block.Combine(lower, byBase[j], 2, region, available))) return;
        }
    }

    /// <summary>The boxes a composite takes, as one number (FNV-1a: the same in every process, so plans repeat).</summary>
    private static ulong Signature((int Kind, int Count)[] needs)
    {
        var h = 14695981039346656037UL;
        foreach (var (kind, count) in needs)
        {
            h = (h ^ (uint)kind) * 1099511628211UL;
            h = (h ^ (uint)count) * 1099511628211UL;
        }
        return h;
    }

    private static long Footprint(Block b) => (long)b.Size.X * b.Size.Y;

    private static int LowerBound(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
