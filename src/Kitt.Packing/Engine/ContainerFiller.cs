using System.Diagnostics;

namespace Kitt.Packing.Engine;

/// <summary>
/// Fills one container. Stops are loaded last-delivered first, each in its own slice of the container behind
/// the previous ones, so no box ever stands in front of or on top of a box unloaded earlier.
/// </summary>
internal sealed class ContainerFiller(Kind[] kinds, PackingOptions options, CancellationToken cancel)
{
    public List<PlacedBox> Fill(int container, Size3 size, double payload, int[] remaining, long deadline)
    {
        var placed = new List<PlacedBox>();
        var stops = kinds.Where((k, i) => remaining[i] > 0).Select(k => k.Stop).Distinct()
            .OrderDescending().ToArray();
        var multiDrop = stops.Length > 1;
        var wall = 0;
        var weight = 0.0;
        for (var g = 0; g < stops.Length && wall < size.X; g++)
        {
            var available = new int[kinds.Length];
            for (var i = 0; i < kinds.Length; i++)
                if (kinds[i].Stop == stops[g]) available[i] = remaining[i];

            var region = new Region(size with { X = size.X - wall }, payload - weight, multiDrop);
            var blocks = BlockCatalog.Build(kinds, available, region.Size, multiDrop ? WallDepth(available) : int.MaxValue);
            if (blocks.Length == 0) continue;

            // Later groups still need time: share what is left in proportion to the volume each has to place.
            var share = GroupVolume(available) / (double)Math.Max(1, RemainingVolume(remaining, stops, g));
            var now = Stopwatch.GetTimestamp();
            var groupDeadline = deadline <= now ? now : now + (long)((deadline - now) * share);

            var best = Search(region, blocks, available, groupDeadline);
            foreach (var pb in best.Placed)
            {
                var b = blocks[pb.Block];
                for (var iz = 0; iz < b.Nz; iz++)
                for (var iy = 0; iy < b.Ny; iy++)
                for (var ix = 0; ix < b.Nx; ix++)
                    placed.Add(new PlacedBox(b.Kind, container,
                        wall + pb.X + ix * b.Box.X, pb.Y + iy * b.Box.Y, pb.Z + iz * b.Box.Z, b.Box));
                remaining[b.Kind] -= b.Count;
                weight += b.Weight;
            }
            if (multiDrop && placed.Count > 0) wall = placed.Max(p => p.X2);
        }
        return placed;
    }

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
