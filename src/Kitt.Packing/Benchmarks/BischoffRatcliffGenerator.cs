namespace Kitt.Packing.Benchmarks;

/// <summary>
/// The test-problem generator of Bischoff and Ratcliff (1995), as their BR files were made: a 587 × 233 × 220
/// container; per box type three sides uniform in 30–120, 25–100 and 20–80, sorted longest first, each allowed to
/// stand vertical when it is less than twice the shortest; one box of every type, then boxes of types drawn at random
/// until the next would overflow the container's volume. Classes differ only in their number of types.
/// </summary>
public static class BischoffRatcliffGenerator
{
    public const int Length = 587;
    public const int Width = 233;
    public const int Height = 220;

    /// <summary>Box types of classes BR0 (one type, homogeneous) to BR15 (100 types, strongly heterogeneous).</summary>
    public static readonly IReadOnlyList<int> TypesByClass = [1, 3, 5, 8, 10, 12, 15, 20, 30, 40, 50, 60, 70, 80, 90, 100];

    /// <summary>The seed of instance <paramref name="number"/> (from 1) of the published files, the same in every class.</summary>
    public static long PublishedSeed(int number) => 2_502_505 + 100L * (number - 1);

    private static readonly int[] Low = [30, 25, 20];
    private static readonly int[] High = [120, 100, 80];

    // A side may stand vertical when shorter than this many times the box's shortest side.
    private const int Ratio = 2;

    /// <summary>One instance of a class.</summary>
    /// <param name="brClass">0 to 15.</param>
    /// <param name="seed">The generator's seed; <see cref="PublishedSeed"/> repeats the published instances.</param>
    /// <param name="number">The number the instance is listed under.</param>
    public static BrInstance OfClass(int brClass, long seed, int number = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(brClass);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(brClass, TypesByClass.Count);
        return Generate(TypesByClass[brClass], seed, number);
    }

    /// <summary>One instance with any number of box types, drawn as the classes are.</summary>
    /// <param name="containers">How many containers' volume of boxes to draw (1 as published; more for shipments that
    /// need several).</param>
    /// <param name="sideScale">Scales the side ranges (1 as published; smaller for many small boxes).</param>
    public static BrInstance Generate(int types, long seed, int number = 1, double containers = 1, double sideScale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(types, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(containers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sideScale);
        var random = new ParkMiller(seed);
        for (var i = 0; i < 10; i++) random.Next(); // the paper's generator warms up by ten draws

        var dims = new int[types][];
        var quantity = new int[types];
        var volume = new long[types];
        long total = 0;
        for (var t = 0; t < types; t++)
        {
            var d = new int[3];
            for (var j = 0; j < 3; j++) d[j] = random.Between(Scaled(Low[j], sideScale), Scaled(High[j], sideScale));
            Array.Sort(d);
            Array.Reverse(d);
            dims[t] = d;
            quantity[t] = 1;
            volume[t] = (long)d[0] * d[1] * d[2];
            total += volume[t];
        }

        var capacity = (long)((long)Length * Width * Height * containers);
        while (true)
        {
            var t = (int)(random.NextDouble() * types);
            if (total + volume[t] > capacity) break; // the first box that would overflow ends the instance
            quantity[t]++;
            total += volume[t];
        }

        var list = new List<BrBoxType>(types);
        for (var t = 0; t < types; t++)
        {
            var d = dims[t];
            var shortest = d[2];
            list.Add(new BrBoxType(d, [d[0] < Ratio * shortest, d[1] < Ratio * shortest, true], quantity[t]));
        }

        return new BrInstance(number, seed, Length, Width, Height, list);
    }

    private static int Scaled(int side, double scale) => Math.Max(1, (int)Math.Round(side * scale));
}
