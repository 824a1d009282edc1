namespace Kitt.Packing.Engine;

/// <summary>Turns grid boxes into the public plan: centimetres, load order, support and per-container figures.</summary>
internal static class PlanAssembler
{
    public static PackingResult Assemble(PackingRequest request, Kind[] kinds, Size3[] sizes, List<int> used,
        List<PlacedBox> boxes, List<UnplacedItem> unplaced, TimeSpan elapsed)
    {
        var placements = new List<Placement>(boxes.Count);
        var loads = new List<ContainerLoad>(used.Count);
        long placedVolume = 0, usedVolume = 0;
        for (var c = 0; c < used.Count; c++)
        {
            var inside = boxes.Where(b => b.Container == c).ToList();
            var support = SupportFractions(inside);
            double weight = 0, mx = 0, my = 0, mz = 0, volumeSum = 0;
            long volume = 0;
            for (var i = 0; i < inside.Count; i++)
            {
                var b = inside[i];
                var item = request.Items[kinds[b.Kind].Item];
                placements.Add(new Placement(kinds[b.Kind].Item, item.Id, c,
                    Units.ToCm(b.X), Units.ToCm(b.Y), Units.ToCm(b.Z),
                    Units.ToCm(b.Size.X), Units.ToCm(b.Size.Y), Units.ToCm(b.Size.Z), i + 1, support[i]));
                volume += b.Size.Volume;
                var m = item.WeightKg;
                weight += m;
                mx += m * (b.X + b.Size.X / 2.0); my += m * (b.Y + b.Size.Y / 2.0); mz += m * (b.Z + b.Size.Z / 2.0);
                volumeSum += b.Size.Volume;
            }
            // Weigh by mass, or by volume when nothing weighs anything.
            var cog = weight > 0
                ? new Point3(Units.ToCm(1) * mx / weight, Units.ToCm(1) * my / weight, Units.ToCm(1) * mz / weight)
                : VolumeCentre(inside, volumeSum);
            var size = sizes[used[c]];
            var type = request.Containers[used[c]];
            var axles = weight > 0 ? Allowed.AxleLoads(type, weight, cog.X) : [];
            loads.Add(new ContainerLoad(c, used[c], inside.Count, (double)volume / size.Volume, weight, cog)
            {
                AxleLoads = axles,
                BalanceProblems = BalanceProblems.Of(type, Units.ToCm(size.X), Units.ToCm(size.Y), weight, cog, axles),
            });
            placedVolume += volume;
            usedVolume += size.Volume;
        }
        return new PackingResult(placements, unplaced, loads, elapsed)
        {
            Utilization = usedVolume == 0 ? 0 : (double)placedVolume / usedVolume,
        };
    }

    private static Point3 VolumeCentre(List<PlacedBox> inside, double volume)
    {
        if (volume <= 0) return default;
        double x = 0, y = 0, z = 0;
        foreach (var b in inside)
        {
            var v = (double)b.Size.Volume;
            x += v * (b.X + b.Size.X / 2.0); y += v * (b.Y + b.Size.Y / 2.0); z += v * (b.Z + b.Size.Z / 2.0);
        }
        return new Point3(Units.ToCm(1) * x / volume, Units.ToCm(1) * y / volume, Units.ToCm(1) * z / volume);
    }

    /// <summary>Share of each base on the floor or on tops at exactly its height. Boxes are grouped by top height
    /// and sorted by x, so each base only meets the tops that can reach it.</summary>
    private static double[] SupportFractions(List<PlacedBox> boxes)
    {
        var result = new double[boxes.Count];
        var byTop = new Dictionary<int, (List<PlacedBox> Boxes, int Widest)>();
        foreach (var b in boxes)
        {
            if (!byTop.TryGetValue(b.Z2, out var level)) level = ([], 0);
            level.Boxes.Add(b);
            byTop[b.Z2] = (level.Boxes, Math.Max(level.Widest, b.Size.X));
        }
        foreach (var level in byTop.Values) level.Boxes.Sort((a, b) => a.X.CompareTo(b.X));
        for (var i = 0; i < boxes.Count; i++)
        {
            var b = boxes[i];
            if (b.Z == 0 || !byTop.TryGetValue(b.Z, out var level))
            {
                result[i] = b.Z == 0 ? 1 : 0;
                continue;
            }
            long area = 0;
            var list = level.Boxes;
            var from = LowerBound(list, b.X - level.Widest);
            for (var j = from; j < list.Count && list[j].X < b.X2; j++)
            {
                var s = list[j];
                long ox = Math.Min(b.X2, s.X2) - Math.Max(b.X, s.X);
                long oy = Math.Min(b.Y2, s.Y2) - Math.Max(b.Y, s.Y);
                if (ox > 0 && oy > 0) area += ox * oy;
            }
            result[i] = Math.Min(1.0, (double)area / ((long)b.Size.X * b.Size.Y));
        }
        return result;
    }

    private static int LowerBound(List<PlacedBox> list, int x)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (list[mid].X < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
