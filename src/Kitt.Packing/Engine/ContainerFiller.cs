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
        var stops = kinds.Where((k, i) => remaining[i] > 0).Select(k => k.Stop).Distinct()
            .OrderDescending().ToArray();
        var multiDrop = stops.Length > 1;
        var load = new Load(container);
        var planner = multiDrop ? new StretchPlanner(kinds, size, stops) : null;
        for (var g = 0; g < stops.Length; g++)
        {
            var available = Available(kinds, stops[g], remaining);

            // Later groups still need time: share what is left in proportion to the volume each has to place.
            var share = GroupVolume(available) / (double)Math.Max(1, RemainingVolume(remaining, stops, g));
            var now = Stopwatch.GetTimestamp();
            var groupDeadline = deadline <= now ? now : now + (long)((deadline - now) * share);

            // A stop with stops still to come fills a stretch from the back, so the room in front stays in one piece.
            var loaded = load.Blocks.ToList();
            var payloadLeft = payload - load.Weight;
            var (best, blocks) = multiDrop && g < stops.Length - 1
                ? planner!.Stretch(g, remaining, loaded,
                    (length, until) => Pack(size with { X = length }, payloadLeft, true, loaded, available, until), groupDeadline)
                : Pack(size, payloadLeft, multiDrop, loaded, available, groupDeadline);
            load.Add(best, blocks, remaining);
        }
        return load.Boxes;
    }

    private (PackState State, Block[] Blocks) Pack(Size3 region, double payloadLeft, bool fromBack,
        List<LoadedBlock> loaded, int[] available, long deadline)
    {
        var r = new Region(region, payloadLeft, fromBack, loaded.ToArray());
        var sets = Opinions.Select(o => BlockCatalog.Build(kinds, available, r.Size, o.Composites)).ToArray();
        var (state, opinion) = Search(r, sets, available, deadline);
        return (state, sets[opinion]);
    }

    /// <summary>What is left of the boxes for one stop; none of the others.</summary>
    public static int[] Available(Kind[] kinds, int stop, int[] remaining)
    {
        var available = new int[kinds.Length];
        for (var i = 0; i < kinds.Length; i++)
            if (kinds[i].Stop == stop) available[i] = remaining[i];
        return available;
    }

    /// <summary>
    /// The two opinions the search asks: a space rule and whether composite blocks are offered. Different rules fail
    /// on different instances; composites pay on many box types and cost on few, and on the second rule they keep
    /// most of both (BR8-BR15 +1.0 point, BR1-BR7 -0.2, against +1.1 and -1.5 with composites in both).
    /// </summary>
    private static readonly (SpaceRule Rule, bool Composites)[] Opinions =
        [(SpaceRule.NearestCorner, false), (SpaceRule.LowestFirst, true)];

    /// <summary>
    /// Runs one beam search per opinion, each on its own blocks, and returns the fuller plan and whose it is. Wider
    /// beams gain less than a second opinion, so with two cores they run side by side; with one they share the time.
    /// Equal plans go to the first, so the answer does not depend on the core count.
    /// </summary>
    private (PackState State, int Opinion) Search(Region region, Block[][] sets, int[] available, long deadline)
    {
        var rules = Opinions.Select(o => o.Rule).ToArray();
        var results = new PackState[rules.Length];
        BeamSearch Searcher(int r, long until) =>
            new(new BlockPlacer(region, sets[r], rules[r]), available, region.Size.Volume, until, options.Seed,
                Math.Max(1, options.MaxDegreeOfParallelism / rules.Length), cancel);
        PackState Run(int r, long until) => Searcher(r, until).Run(options.MaxPasses);

        // Small loads often fit whole at the first greedy pass: then no search, and no threads, are needed.
        var first = Searcher(0, deadline);
        var greedy = first.Run(0);
        if (first.Optimal) return (greedy, 0);
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
        var best = 0;
        for (var r = 1; r < results.Length; r++) if (results[r].Volume > results[best].Volume) best = r;
        return (results[best], best);
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
