using System.Diagnostics;

namespace Kitt.Packing.Engine;

/// <summary>
/// Fills one container. Stops are loaded last-delivered first: each stop's search starts from the blocks of the
/// stops after it and may use their tops and the room beside and in front of them, never the room behind or below
/// them, so no box ever stands in front of or on top of a box unloaded earlier.
/// </summary>
internal sealed class ContainerFiller(Kind[] kinds, PackingOptions options, CancellationToken cancel)
{
    public List<PlacedBox> Fill(int container, Size3 size, double payload, int[] remaining, long deadline)
    {
        var placed = new List<PlacedBox>();
        var loaded = new List<LoadedBlock>();
        var stops = kinds.Where((k, i) => remaining[i] > 0).Select(k => k.Stop).Distinct()
            .OrderDescending().ToArray();
        var multiDrop = stops.Length > 1;
        var weight = 0.0;
        for (var g = 0; g < stops.Length; g++)
        {
            var available = new int[kinds.Length];
            for (var i = 0; i < kinds.Length; i++)
                if (kinds[i].Stop == stops[g]) available[i] = remaining[i];

            // Later groups still need time: share what is left in proportion to the volume each has to place.
            var share = GroupVolume(available) / (double)Math.Max(1, RemainingVolume(remaining, stops, g));
            var now = Stopwatch.GetTimestamp();
            var groupDeadline = deadline <= now ? now : now + (long)((deadline - now) * share);

            var (best, blocks) = multiDrop && g < stops.Length - 1
                ? Shortest(size, payload - weight, loaded.ToArray(), available, RemainingVolume(remaining, stops, g + 1), groupDeadline)
                : Pack(new Region(size, payload - weight, multiDrop, loaded.ToArray()), available, int.MaxValue, groupDeadline);
            foreach (var pb in best.Placed)
            {
                var b = blocks[pb.Block];
                loaded.Add(new LoadedBlock(new Space(pb.X, pb.Y, pb.Z, pb.X + b.Size.X, pb.Y + b.Size.Y, pb.Z + b.Size.Z),
                    b.NoLoadOnTop));
                for (var iz = 0; iz < b.Nz; iz++)
                for (var iy = 0; iy < b.Ny; iy++)
                for (var ix = 0; ix < b.Nx; ix++)
                    placed.Add(new PlacedBox(b.Kind, container,
                        pb.X + ix * b.Box.X, pb.Y + iy * b.Box.Y, pb.Z + iz * b.Box.Z, b.Box));
                remaining[b.Kind] -= b.Count;
                weight += b.Weight;
            }
        }
        return placed;
    }

    private (PackState State, Block[] Blocks) Pack(Region region, int[] available, int maxDepth, long deadline)
    {
        var blocks = BlockCatalog.Build(kinds, available, region.Size, maxDepth);
        return (Search(region, blocks, available, deadline), blocks);
    }

    /// <summary>
    /// Packs a stop with stops still to come into a stretch from the back. Tried lengths run from the volume bound
    /// (as if packed solid) to the full container; each is scored by what it holds plus what the stops to come could
    /// fill in front of it at <see cref="FrontDensity"/>, and the best is kept. A stop need not take all of its boxes:
    /// one that does not fit densely is better left to the next container than a whole ragged wall that no box of an
    /// earlier stop may stand behind.
    /// </summary>
    private (PackState State, Block[] Blocks) Shortest(Size3 size, double payloadLeft, LoadedBlock[] loaded,
        int[] available, long later, long deadline)
    {
        var slab = (long)size.Y * size.Z;
        var loadedVolume = loaded.Sum(l => l.Box.Volume);
        var need = GroupVolume(available) + loadedVolume;
        var lo = Math.Min(size.X, (int)Math.Ceiling(need / (double)slab));
        var lengths = Densities.Select(d => Math.Min(size.X, (int)Math.Ceiling(lo / d))).Append(size.X).Distinct().ToArray();
        (PackState State, Block[] Blocks)? best = null;
        var bestScore = double.MinValue;
        for (var p = 0; p < lengths.Length; p++)
        {
            var length = lengths[p];
            var now = Stopwatch.GetTimestamp();
            var probeDeadline = deadline <= now ? now : now + (deadline - now) / (lengths.Length - p);
            var tried = Pack(new Region(size with { X = length }, payloadLeft, true, loaded), available, int.MaxValue, probeDeadline);
            var inside = loaded.Sum(l => l.Box.X1 >= length ? 0 : l.Box.Volume / l.Box.Dx * (Math.Min(length, l.Box.X2) - l.Box.X1));
            var front = slab * size.X - loadedVolume - (slab * length - inside);
            var room = front + LeftOverReach * (slab * length - inside - tried.State.Volume);
            var score = tried.State.Volume + Math.Min(FrontDensity * room, later);
            if (score > bestScore)
            {
                best = tried;
                bestScore = score;
            }
            if (tried.State.Remaining.All(r => r == 0)) break; // longer stretches hold no more and leave less in front
        }
        return best!.Value;
    }

    /// <summary>Packing densities the stretch lengths are tried at, densest first.</summary>
    private static readonly double[] Densities = [0.98, 0.95, 0.92, 0.89, 0.86, 0.82, 0.76, 0.68, 0.58];

    /// <summary>The share of the room a stretch leaves free among its own boxes (on top of them, beside them) that the
    /// stops to come can still reach; the rest lies behind or below its boxes.</summary>
    private const double LeftOverReach = 0.5;

    /// <summary>How full the stops to come are expected to pack the room in front of a stretch.</summary>
    private const double FrontDensity = 0.9;

    /// <summary>
    /// Runs one beam search per space rule and keeps the fuller plan. Different rules fail on different instances,
    /// and wider beams gain less than a second opinion, so with two cores the rules run side by side; with one
    /// they share the time. Equal plans go to the first rule, so the answer does not depend on the core count.
    /// </summary>
    private PackState Search(Region region, Block[] blocks, int[] available, long deadline)
    {
        SpaceRule[] rules = [SpaceRule.NearestCorner, SpaceRule.LowestFirst];
        var results = new PackState[rules.Length];
        BeamSearch Searcher(int r, long until) =>
            new(new BlockPlacer(region, blocks, rules[r]), available, region.Size.Volume, until, options.Seed,
                Math.Max(1, options.MaxDegreeOfParallelism / rules.Length), cancel);
        PackState Run(int r, long until) => Searcher(r, until).Run(options.MaxPasses);

        // Small loads often fit whole at the first greedy pass: then no search, and no threads, are needed.
        var first = Searcher(0, deadline);
        var greedy = first.Run(0);
        if (first.Optimal) return greedy;
        if (options.MaxDegreeOfParallelism >= rules.Length)
        {
            Parallel.For(0, rules.Length, r => results[r] = Run(r, deadline));
        }
        else
        {
            for (var r = 0; r < rules.Length; r++)
            {
                var now = Stopwatch.GetTimestamp();
                results[r] = Run(r, deadline <= now ? now : now + (deadline - now) / (rules.Length - r));
            }
        }
        var best = results[0];
        foreach (var r in results) if (r.Volume > best.Volume) best = r;
        return best;
    }

    /// <summary>The longest side any box of the group could lay along x: a wall is at most that deep.</summary>
    private int WallDepth(int[] available)
    {
        var depth = 1;
        for (var i = 0; i < kinds.Length; i++)
            if (available[i] > 0) depth = Math.Max(depth, kinds[i].Orientations.Max(o => o.X));
        return depth;
    }

    private long GroupVolume(int[] available)
    {
        long v = 0;
        for (var i = 0; i < kinds.Length; i++) v += available[i] * kinds[i].Volume;
        return v;
    }

    private long RemainingVolume(int[] remaining, int[] stops, int from)
    {
        long v = 0;
        var later = stops.Skip(from).ToHashSet();
        for (var i = 0; i < kinds.Length; i++)
            if (later.Contains(kinds[i].Stop)) v += remaining[i] * kinds[i].Volume;
        return v;
    }
}
