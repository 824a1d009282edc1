namespace Kitt.Packing.Engine;

/// <summary>One request line as the engine sees it: grid sizes of each allowed orientation and its limits.</summary>
internal sealed class Kind
{
    public Kind(int item, Size3[] orientations, double weight, double? loadLimit, int stop, bool floorOnly = false)
    {
        FloorOnly = floorOnly;
        Item = item;
        Orientations = orientations;
        Weight = weight;
        LoadLimit = loadLimit;
        Stop = stop;
        Volume = orientations[0].Volume;
    }

    public int Item { get; }
    public Size3[] Orientations { get; }
    public double Weight { get; }
    public double? LoadLimit { get; }
    public int Stop { get; }

    /// <summary>Its boxes stand on the container floor only: its blocks are one layer high and go on the floor.</summary>
    public bool FloorOnly { get; }
    public long Volume { get; }

    /// <summary>Distinct grid orientations whose vertical dimension is allowed.</summary>
    public static Size3[] OrientationsOf(int l, int w, int h, VerticalAxes allowed)
    {
        var list = new List<Size3>(6);
        void Add(int x, int y, int z)
        {
            var s = new Size3(x, y, z);
            if (!list.Contains(s)) list.Add(s);
        }
        if (allowed.HasFlag(VerticalAxes.Height)) { Add(l, w, h); Add(w, l, h); }
        if (allowed.HasFlag(VerticalAxes.Width)) { Add(l, h, w); Add(h, l, w); }
        if (allowed.HasFlag(VerticalAxes.Length)) { Add(w, h, l); Add(h, w, l); }
        return list.ToArray();
    }
}
