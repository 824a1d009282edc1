namespace Kitt.Packing.Benchmarks;

/// <summary>One box type of a Bischoff &amp; Ratcliff instance.</summary>
/// <param name="Dims">The three dimensions, as listed.</param>
/// <param name="MayStandVertical">For each dimension, whether it may be the vertical one.</param>
/// <param name="Quantity">Number of boxes of this type.</param>
public sealed record BrBoxType(int[] Dims, bool[] MayStandVertical, int Quantity);

/// <summary>One instance: a single container and a list of box types.</summary>
/// <param name="Number">Instance number as written in the file (1-based).</param>
/// <param name="Seed">The generator seed from the file.</param>
/// <param name="Length">Container length (x).</param>
/// <param name="Width">Container width (y).</param>
/// <param name="Height">Container height (z, vertical).</param>
/// <param name="Types">Box types, in file order; type numbers in plans are 1-based positions here.</param>
public sealed record BrInstance(int Number, long Seed, int Length, int Width, int Height, IReadOnlyList<BrBoxType> Types)
{
    /// <summary>The instance as a packing request: one container, one line per box type, weightless boxes.</summary>
    public PackingRequest ToRequest()
    {
        var items = Types.Select((t, i) => new ItemSpec($"{i + 1}", t.Dims[0], t.Dims[1], t.Dims[2], 0, t.Quantity)
        {
            AllowedVertical = (t.MayStandVertical[0] ? VerticalAxes.Length : 0) |
                              (t.MayStandVertical[1] ? VerticalAxes.Width : 0) |
                              (t.MayStandVertical[2] ? VerticalAxes.Height : 0),
        }).ToList();
        return new PackingRequest([new ContainerType(Length, Width, Height)], items);
    }
}

/// <summary>
/// Reads the OR-Library container loading files of Bischoff &amp; Ratcliff (BR1..BR15): the number of
/// instances, then per instance <c>number seed</c>, <c>L W H</c>, the type count n and n lines
/// <c>i d1 f1 d2 f2 d3 f3 quantity</c>, where f = 1 lets that dimension stand vertical.
/// </summary>
public static class BischoffRatcliffReader
{
    /// <summary>Reads every instance from text.</summary>
    /// <param name="text">The file's content.</param>
    /// <exception cref="FormatException">The text is not in this format; the message says where.</exception>
    public static IReadOnlyList<BrInstance> Parse(string text)
    {
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var pos = 0;
        long Next(string what)
        {
            if (pos >= tokens.Length) throw new FormatException($"unexpected end of file reading {what}");
            if (!long.TryParse(tokens[pos], System.Globalization.NumberStyles.Integer,
                    System.Globalization.CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"token {pos + 1} ('{tokens[pos]}') is not an integer ({what})");
            pos++;
            return value;
        }

        var count = (int)Next("instance count");
        var instances = new List<BrInstance>(count);
        for (var p = 0; p < count; p++)
        {
            var number = (int)Next("instance number");
            var seed = Next("seed");
            int l = (int)Next("container length"), w = (int)Next("container width"), h = (int)Next("container height");
            var n = (int)Next("type count");
            var types = new List<BrBoxType>(n);
            for (var t = 0; t < n; t++)
            {
                Next("type number");
                var dims = new int[3];
                var flags = new bool[3];
                for (var d = 0; d < 3; d++)
                {
                    dims[d] = (int)Next($"instance {number} type {t + 1} dimension {d + 1}");
                    flags[d] = Next($"instance {number} type {t + 1} flag {d + 1}") != 0;
                }
                types.Add(new BrBoxType(dims, flags, (int)Next($"instance {number} type {t + 1} quantity")));
            }
            instances.Add(new BrInstance(number, seed, l, w, h, types));
        }
        return instances;
    }

    /// <summary>Reads every instance from a file.</summary>
    /// <param name="path">Path of a BRn.txt file.</param>
    public static IReadOnlyList<BrInstance> Load(string path) => Parse(File.ReadAllText(path));
}
