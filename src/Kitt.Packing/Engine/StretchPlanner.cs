using System.Diagnostics;

namespace Kitt.Packing.Engine;

/// <summary>
/// Chooses how long a stretch from the back a stop with stops still to come fills. Lengths from the volume bound
/// (the stop packed solid) to the whole container are each packed, and scored by what they hold plus what the stops
/// to come could fill around them; the best is kept. A stop need not take all of its boxes: those that do not fit
/// densely are better left to the next container than a ragged wall no earlier stop's box may stand behind.
/// </summary>
/// <remarks>Tried and dropped, on `kitt-packing stops`: scoring each length by packing the stops to come greedily
/// (a greedy fill of a few box types forecasts the search too roughly: 93.3 % against 95.4 %), choosing the length by
/// greedy packs and searching only the chosen one (94.0 %), counting the room above the stretch's skyline as the
/// room left in it (93.2 %: much of it overhangs or stands behind something), offering layers (stretches of the
/// height, the next stop on top) beside stretches of the length (89.3 %), and a last pass putting boxes a stop left out into gaps
/// where the stop order allows (no gain).</remarks>
internal sealed class StretchPlanner(Kind[] kinds, Size3 size, int[] stops)
{
    /// <summary>Packing densities the stretch lengths are tried at, densest (shortest) first.</summary>
    private static readonly double[] Densities = [0.98, 0.95, 0.92, 0.89, 0.86, 0.82, 0.76, 0.68, 0.58];

    /// <summary>How full the stops to come are expected to pack the room left to them.</summary>
    private const double FrontDensity = 0.9;

    /// <summary>The share of the room a stretch leaves free among its own boxes (on top of them, beside them) that the
    /// stops to come can still reach; the rest lies behind or below its boxes. Lower shares choose about as well
    /// on the bench but would leave a floor of pallets behind rather than stack the next stop on it.</summary>
    private const double LeftOverReach = 0.5;

    /// <summary>The stretch for stop <paramref name="group"/> (an index into the stops, last delivered first), packed.</summary>
    /// <param name="pack">Packs the stop into a stretch of the given length before the given deadline.</param>
    /// <param name="deadline">Time for all lengths; each gets an equal part of what is left.</param>
    public (PackState State, Block[] Blocks) Stretch(int group, int[] remaining, IReadOnlyList<LoadedBlock> loaded,
        Func<int, long, (PackState State, Block[] Blocks)> pack, long deadline)
    {
        var slab = (long)size.Y * size.Z;
        var loadedVolume = loaded.Sum(l => l.Box.Volume);
        long own = 0, later = 0;
        for (var i = 0; i < kinds.Length; i++)
        {
            var at = Array.IndexOf(stops, kinds[i].Stop);
            if (at == group) own += remaining[i] * kinds[i].Volume;
            else if (at > group) later += remaining[i] * kinds[i].Volume;
        }
        var bound = Math.Min(size.X, (int)Math.Ceiling((own + loadedVolume) / (double)slab));
        var lengths = Densities.Select(d => Math.Min(size.X, (int)Math.Ceiling(bound / d))).Append(size.X).Distinct().ToArray();

        (PackState State, Block[] Blocks)? best = null;
        var bestScore = double.MinValue;
        for (var p = 0; p < lengths.Length; p++)
        {
            var length = lengths[p];
            var now = Stopwatch.GetTimestamp();
            var trial = pack(length, deadline <= now ? now : now + (deadline - now) / (lengths.Length - p));
            // Room for the stops to come: all in front of the stretch, and part of what its boxes leave free in it.
            var inside = loaded.Sum(l => l.Box.X1 >= length ? 0 : l.Box.Volume / l.Box.Dx * (Math.Min(length, l.Box.X2) - l.Box.X1));
            var front = slab * size.X - loadedVolume - (slab * length - inside);
            var room = front + LeftOverReach * (slab * length - inside - trial.State.Volume);
            var score = trial.State.Volume + Math.Min(FrontDensity * room, later);
            if (score > bestScore)
            {
                best = trial;
                bestScore = score;
            }
            if (trial.State.Remaining.All(r => r == 0)) break; // longer stretches hold no more and leave less in front
        }
        return best!.Value;
    }
}
