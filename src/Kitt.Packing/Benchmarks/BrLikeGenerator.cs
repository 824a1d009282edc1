namespace Kitt.Packing.Benchmarks;

/// <summary>
/// Instances drawn the way Bischoff &amp; Ratcliff drew theirs: a 587 × 233 × 220 container, box sides uniform in
/// 30–120, 25–100 and 20–80, and quantities whose volume about fills the container, shared at random among the types.
/// Fresh instances measure how plans do on cargo nobody tuned for; a seed repeats one.
/// </summary>
public static class BrLikeGenerator
{
    public const int Length = 587;
    public const int Width = 233;
    public const int Height = 220;

    /// <param name="types">Box types, 3 (weakly) to 20 (strongly heterogeneous), as in BR1..BR7.</param>
    /// <param name="seed">The random seed; one seed, one instance.</param>
    /// <param name="fill">The boxes' volume over the container's; above 1 not everything fits.</param>
    public static BrInstance Generate(int types, int seed, double fill = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(types, 1);
        var random = new Random(seed);
        var dims = Enumerable.Range(0, types)
            .Select(_ => new[] { random.Next(30, 121), random.Next(25, 101), random.Next(20, 81) }).ToArray();
        var shares = Enumerable.Range(0, types).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var total = shares.Sum();
        var volume = (double)Length * Width * Height * fill;
        var list = dims.Select((d, i) =>
        {
            var quantity = Math.Max(1, (int)Math.Round(volume * shares[i] / total / (d[0] * d[1] * d[2])));
            // About one type in three must stand on a given side, as loads marked "this side up".
            var upright = random.NextDouble() < 0.33;
            return new BrBoxType(d, upright ? [false, false, true] : [true, true, true], quantity);
        }).ToList();
        return new BrInstance(seed, seed, Length, Width, Height, list);
    }
}
