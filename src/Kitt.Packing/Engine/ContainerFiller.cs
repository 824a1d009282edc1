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
            var blocks = BlockCatalog.Build(kinds, available, region.Size);
            if (blocks.Length == 0) continue;

            // Later groups still need time: share what is left in proportion to the volume each has to place.
            var share = GroupVolume(available) / (double)Math.Max(1, RemainingVolume(remaining, stops, g));
            var now = Stopwatch.GetTimestamp();
            var groupDeadline = deadline <= now ? now : now + (long)((deadline - now) * share);

            var placer = new BlockPlacer(region, blocks);
            var search = new BeamSearch(placer, available, region.Size.Volume, groupDeadline,
                options.MaxDegreeOfParallelism, cancel);
            var best = search.Run(options.MaxPasses);
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
