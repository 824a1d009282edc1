namespace Kitt.Packing;

/// <summary>
/// Checks a plan against its request from scratch, sharing no code with the packer: box counts, containers,
/// bounds, overlaps, orientations, floor-only boxes on the floor, support, payload, load on limited boxes, multi-drop order and the reported
/// figures. Works in centimetres with a tolerance of one grid step for rounded sizes.
/// </summary>
public static class PlanValidator
{
    private const double Eps = 1e-6;

    // Sizes are resolved to 1 mm, so an extent may differ from the declared size by up to half of that.
    private const double SizeTolerance = 0.05 + 1e-6;

    /// <summary>Every violated rule, in words; empty when the plan is valid.</summary>
    /// <param name="request">What was asked.</param>
    /// <param name="plan">What the packer answered.</param>
    /// <param name="supportFraction">Least supported share of each base that the plan must meet.</param>
    public static IReadOnlyList<string> Validate(PackingRequest request, PackingResult plan, double supportFraction = 1.0)
    {
        var v = new List<string>();
        CheckCounts(request, plan, v);
        CheckContainers(request, plan, v);
        foreach (var group in plan.Placements.GroupBy(p => p.ContainerIndex))
        {
            if (group.Key < 0 || group.Key >= plan.Containers.Count) continue;
            var load = plan.Containers[group.Key];
            if (load.TypeIndex < 0 || load.TypeIndex >= request.Containers.Count) continue;
            var container = request.Containers[load.TypeIndex];
            var boxes = group.ToArray();
            var grid = new BoxGrid(boxes);
            var supporters = Supporters(boxes, grid);
            CheckEachBox(request, container, boxes, v);
            CheckOverlaps(boxes, grid, v);
            CheckSupport(boxes, supporters, supportFraction, v);
            CheckLoads(request, boxes, supporters, v);
            CheckStops(request, boxes, v);
            CheckSequence(boxes, supporters, v);
            CheckFigures(request, container, load, boxes, v);
            CheckBalance(request, container, load, boxes, v);
        }
        return v;
    }

    private static void CheckCounts(PackingRequest request, PackingResult plan, List<string> v)
    {
        var placed = new int[request.Items.Count];
        foreach (var p in plan.Placements)
        {
            if (p.ItemIndex < 0 || p.ItemIndex >= placed.Length) v.Add($"placement of unknown item {p.ItemIndex}");
            else placed[p.ItemIndex]++;
        }
        var left = new int[request.Items.Count];
        foreach (var u in plan.Unplaced)
            if (u.ItemIndex >= 0 && u.ItemIndex < left.Length) left[u.ItemIndex] += u.Count;
            else v.Add($"unplaced entry for unknown item {u.ItemIndex}");
        for (var i = 0; i < placed.Length; i++)
            if (placed[i] + left[i] != request.Items[i].Quantity)
                v.Add($"items[{i}]: {placed[i]} placed + {left[i]} unplaced != quantity {request.Items[i].Quantity}");
    }

    private static void CheckContainers(PackingRequest request, PackingResult plan, List<string> v)
    {
        var perType = new int[request.Containers.Count];
        for (var c = 0; c < plan.Containers.Count; c++)
        {
            var load = plan.Containers[c];
            if (load.Index != c) v.Add($"container {c} reports index {load.Index}");
            if (load.TypeIndex < 0 || load.TypeIndex >= perType.Length)
            {
                v.Add($"container {c} has unknown type {load.TypeIndex}");
                continue;
            }
            perType[load.TypeIndex]++;
        }
        for (var t = 0; t < perType.Length; t++)
            if (request.Containers[t].Count is { } n && perType[t] > n)
                v.Add($"containers[{t}]: {perType[t]} used but only {n} available");
        foreach (var p in plan.Placements)
            if (p.ContainerIndex < 0 || p.ContainerIndex >= plan.Containers.Count)
                v.Add($"{Name(p)} is in unknown container {p.ContainerIndex}");
    }

    private static void CheckEachBox(PackingRequest request, ContainerType c, Placement[] boxes, List<string> v)
    {
        foreach (var p in boxes)
        {
            if (p.X < -Eps || p.Y < -Eps || p.Z < -Eps ||
                p.X + p.Dx > c.Length + Eps || p.Y + p.Dy > c.Width + Eps || p.Z + p.Dz > c.Height + Eps)
                v.Add($"{Name(p)} at ({p.X}, {p.Y}, {p.Z}) size ({p.Dx}, {p.Dy}, {p.Dz}) leaves the container");
            var item = request.Items[p.ItemIndex];
            if (!OrientationAllowed(item, p))
                v.Add($"{Name(p)} size ({p.Dx}, {p.Dy}, {p.Dz}) is not an allowed orientation of " +
                      $"({item.Length}, {item.Width}, {item.Height}) with {item.AllowedVertical} vertical");
            if (item.FloorOnly && p.Z > Eps)
                v.Add($"{Name(p)} is floor-only but stands at z = {p.Z}, not on the container floor");
        }
    }

    private static bool OrientationAllowed(ItemSpec item, Placement p)
    {
        (double Size, VerticalAxes Axis)[] dims =
            [(item.Length, VerticalAxes.Length), (item.Width, VerticalAxes.Width), (item.Height, VerticalAxes.Height)];
        for (var up = 0; up < 3; up++)
        {
            if ((item.AllowedVertical & dims[up].Axis) == 0 || !Near(dims[up].Size, p.Dz)) continue;
            var a = dims[(up + 1) % 3].Size;
            var b = dims[(up + 2) % 3].Size;
            if ((Near(a, p.Dx) && Near(b, p.Dy)) || (Near(b, p.Dx) && Near(a, p.Dy))) return true;
        }
        return false;
    }

    private static bool Near(double declared, double extent) => Math.Abs(declared - extent) <= SizeTolerance;

    private static double Overlap(double a1, double a2, double b1, double b2) => Math.Min(a2, b2) - Math.Max(a1, b1);

    private static void CheckOverlaps(Placement[] boxes, BoxGrid grid, List<string> v)
    {
        for (var i = 0; i < boxes.Length; i++)
        {
            var a = boxes[i];
            foreach (var j in grid.Near(a.X, a.X + a.Dx, a.Y, a.Y + a.Dy, a.Z, a.Z + a.Dz))
            {
                if (j <= i) continue;
                var b = boxes[j];
                if (Overlap(a.X, a.X + a.Dx, b.X, b.X + b.Dx) > Eps && Overlap(a.Y, a.Y + a.Dy, b.Y, b.Y + b.Dy) > Eps &&
                    Overlap(a.Z, a.Z + a.Dz, b.Z, b.Z + b.Dz) > Eps)
                    v.Add($"{Name(a)} overlaps {Name(b)}");
            }
        }
    }

    private static double FootprintOverlap(Placement a, Placement b)
    {
        var ox = Overlap(a.X, a.X + a.Dx, b.X, b.X + b.Dx);
        var oy = Overlap(a.Y, a.Y + a.Dy, b.Y, b.Y + b.Dy);
        return ox > Eps && oy > Eps ? ox * oy : 0;
    }

    /// <summary>For each box, the boxes whose top touches its base.</summary>
    private static List<int>[] Supporters(Placement[] boxes, BoxGrid grid)
    {
        var result = new List<int>[boxes.Length];
        for (var i = 0; i < boxes.Length; i++)
        {
            result[i] = [];
            var a = boxes[i];
            if (a.Z <= Eps) continue;
            foreach (var j in grid.Near(a.X, a.X + a.Dx, a.Y, a.Y + a.Dy, a.Z - Eps, a.Z + Eps))
            {
                var b = boxes[j];
                if (Math.Abs(b.Z + b.Dz - a.Z) <= Eps && FootprintOverlap(a, b) > 0) result[i].Add(j);
            }
        }
        return result;
    }

    private static void CheckSupport(Placement[] boxes, List<int>[] supporters, double fraction, List<string> v)
    {
        for (var i = 0; i < boxes.Length; i++)
        {
            var a = boxes[i];
            var share = a.Z <= Eps ? 1.0 : supporters[i].Sum(j => FootprintOverlap(a, boxes[j])) / (a.Dx * a.Dy);
            if (share < fraction - 1e-9)
                v.Add(FormattableString.Invariant($"{Name(a)} has {share * 100:F1}% of its base supported, {fraction * 100:F1}% required"));
            if (Math.Abs(share - a.SupportFraction) > 1e-6)
                v.Add($"{Name(a)} reports support {a.SupportFraction:F4}, measured {share:F4}");
        }
    }

    /// <summary>Conservatively, every box passes its own weight and all it carries to each box below it.</summary>
    private static void CheckLoads(PackingRequest request, Placement[] boxes, List<int>[] supporters, List<string> v)
    {
        var carried = new double[boxes.Length];
        foreach (var i in Enumerable.Range(0, boxes.Length).OrderByDescending(i => boxes[i].Z))
            foreach (var s in supporters[i])
                carried[s] += carried[i] + request.Items[boxes[i].ItemIndex].WeightKg;
        for (var i = 0; i < boxes.Length; i++)
        {
            var limit = request.Items[boxes[i].ItemIndex].EffectiveLoadLimitKg;
            if (limit is { } max && carried[i] > max + 1e-9)
                v.Add($"{Name(boxes[i])} carries {carried[i]:F2} kg, limit {max:F2} kg");
        }
    }

    /// <summary>A box unloaded earlier must have nothing from a later stop in front of it (toward the door at
    /// x = length) or on top of it.</summary>
    private static void CheckStops(PackingRequest request, Placement[] boxes, List<string> v)
    {
        if (boxes.Select(b => request.Items[b.ItemIndex].EffectiveStop).Distinct().Count() < 2) return;
        foreach (var a in boxes)
        {
            var stopA = request.Items[a.ItemIndex].EffectiveStop;
            foreach (var b in boxes)
            {
                if (request.Items[b.ItemIndex].EffectiveStop <= stopA) continue;
                var yz = Overlap(a.Y, a.Y + a.Dy, b.Y, b.Y + b.Dy) > Eps && Overlap(a.Z, a.Z + a.Dz, b.Z, b.Z + b.Dz) > Eps;
                if (yz && b.X >= a.X + a.Dx - Eps)
                    v.Add($"{Name(b)} (later stop) blocks {Name(a)} from the door");
                else if (FootprintOverlap(a, b) > 0 && b.Z >= a.Z + a.Dz - Eps)
                    v.Add($"{Name(b)} (later stop) is on top of {Name(a)}");
            }
        }
    }

    private static void CheckSequence(Placement[] boxes, List<int>[] supporters, List<string> v)
    {
        if (boxes.Select(b => b.Sequence).Distinct().Count() != boxes.Length)
            v.Add($"container {boxes[0].ContainerIndex} repeats load sequence numbers");
        for (var i = 0; i < boxes.Length; i++)
            foreach (var s in supporters[i])
                if (boxes[s].Sequence >= boxes[i].Sequence)
                    v.Add($"{Name(boxes[i])} is loaded before {Name(boxes[s])}, which it rests on");
    }

    private static void CheckFigures(PackingRequest request, ContainerType c, ContainerLoad load, Placement[] boxes,
        List<string> v)
    {
        var weight = boxes.Sum(b => request.Items[b.ItemIndex].WeightKg);
        if (c.MaxPayloadKg is { } max && weight > max + 1e-9)
            v.Add($"container {load.Index} carries {weight:F2} kg, payload {max:F2} kg");
        if (Math.Abs(weight - load.WeightKg) > 1e-6 * Math.Max(1, weight))
            v.Add($"container {load.Index} reports {load.WeightKg} kg, boxes weigh {weight}");
        if (load.BoxCount != boxes.Length)
            v.Add($"container {load.Index} reports {load.BoxCount} boxes, holds {boxes.Length}");
        var utilization = boxes.Sum(b => b.Dx * b.Dy * b.Dz) / (c.Length * c.Width * c.Height);
        // The reported figure is on the 1 mm grid the plan was made on.
        if (Math.Abs(utilization - load.Utilization) > 0.01)
            v.Add($"container {load.Index} reports utilisation {load.Utilization:P2}, measured {utilization:P2}");
    }

    /// <summary>
    /// The centre of gravity and axle loads the plan reports are the boxes' own, and the plan says of every balance
    /// rule it breaks (window, axle limits) that it breaks it, and of none that it does not.
    /// </summary>
    private static void CheckBalance(PackingRequest request, ContainerType c, ContainerLoad load, Placement[] boxes, List<string> v)
    {
        double weight = 0, x = 0, y = 0;
        foreach (var b in boxes)
        {
            var kg = request.Items[b.ItemIndex].WeightKg;
            weight += kg;
            x += kg * (b.X + b.Dx / 2);
            y += kg * (b.Y + b.Dy / 2);
        }
        if (weight <= Eps)
        {
            if (load.BalanceProblems.Count > 0) v.Add($"container {load.Index} weighs nothing yet reports balance problems");
            return;
        }
        (x, y) = (x / weight, y / weight);
        if (Math.Abs(x - load.CenterOfGravity.X) > 0.05 || Math.Abs(y - load.CenterOfGravity.Y) > 0.05)
            v.Add($"container {load.Index} reports its centre of gravity at ({load.CenterOfGravity.X:F1}, {load.CenterOfGravity.Y:F1}), the boxes' is at ({x:F1}, {y:F1})");

        // Within a tolerance either way of each limit a plan may report a problem or not: rounding decides there.
        var (broken, near) = (0, 0);
        void Limit(double excess, double tolerance)
        {
            if (excess > tolerance) broken++;
            if (excess > -tolerance) near++;
        }
        // The engine judges on the millimetre grid, sizes rounded down: up to a grid step from the declared size.
        Limit(Math.Abs(x - c.Length / 2) - c.Length * c.Balance.LengthwisePercent / 100, 0.1 + 1e-6);
        Limit(Math.Abs(y - c.Width / 2) - c.Width * c.Balance.SidewaysPercent / 100, 0.1 + 1e-6);
        if (c.Axles is { Count: 2 })
        {
            var (front, rear) = (c.Axles[0], c.Axles[1]);
            var onRear = weight * (x - front.PositionCm) / (rear.PositionCm - front.PositionCm);
            var expected = new[] { weight - onRear, onRear };
            var tolerance = 1e-5 * Math.Max(1, weight);
            if (load.AxleLoads.Count != 2)
                v.Add($"container {load.Index} reports {load.AxleLoads.Count} axle loads for 2 axle groups");
            else
                for (var i = 0; i < 2; i++)
                    if (Math.Abs(load.AxleLoads[i].LoadKg - expected[i]) > tolerance)
                        v.Add($"container {load.Index} reports {load.AxleLoads[i].LoadKg:F1} kg on axle group {i + 1}, the lever gives {expected[i]:F1} kg");
            for (var i = 0; i < 2; i++)
            {
                Limit(expected[i] - c.Axles[i].MaxLoadKg, tolerance);
                Limit(-expected[i], tolerance); // a lifted group
            }
        }
        if (broken > 0 && load.BalanceProblems.Count == 0)
            v.Add($"container {load.Index} breaks {broken} balance rule(s) (centre of gravity at {x:F1}, {y:F1} cm) and does not say so");
        if (near == 0 && load.BalanceProblems.Count > 0)
            v.Add($"container {load.Index} reports balance problems it does not have: {string.Join("; ", load.BalanceProblems)}");
    }

    private static string Name(Placement p) => $"box of items[{p.ItemIndex}] ({p.ItemId}) #{p.Sequence} in container {p.ContainerIndex}";
}
