namespace Kitt.Packing.Engine;

/// <summary>
/// Moves a container's load as one block, lengthwise and sideways, so that its centre of gravity lies where the
/// container's type allows: inside its <see cref="BalanceWindow"/> and, with axles given, where no axle group carries
/// more than its limit. A load moved whole keeps every box's support and order; it moves only as far as the free room
/// at its ends allows, and the shortest way, so a load that is balanced already stays against the back wall.
/// </summary>
internal static class LoadBalancer
{
    public static List<PlacedBox> Centre(List<PlacedBox> boxes, Kind[] kinds, Size3 size, ContainerType type)
    {
        double weight = 0, mx = 0, my = 0;
        int minX = int.MaxValue, maxX = 0, minY = int.MaxValue, maxY = 0;
        foreach (var b in boxes)
        {
            var w = kinds[b.Kind].Weight;
            weight += w;
            mx += w * (b.X + b.Size.X / 2.0);
            my += w * (b.Y + b.Size.Y / 2.0);
            (minX, maxX, minY, maxY) = (Math.Min(minX, b.X), Math.Max(maxX, b.X2), Math.Min(minY, b.Y), Math.Max(maxY, b.Y2));
        }

        if (weight <= 0 || boxes.Count == 0) return boxes; // weightless boxes have nothing to balance

        var (xLow, xHigh) = Allowed.Lengthwise(type, size.X / (double)Units.PerCm, weight);
        var (yLow, yHigh) = Allowed.Sideways(type, size.Y / (double)Units.PerCm);
        var dx = Shift(mx / weight, xLow * Units.PerCm, xHigh * Units.PerCm, -minX, size.X - maxX);
        var dy = Shift(my / weight, yLow * Units.PerCm, yHigh * Units.PerCm, -minY, size.Y - maxY);
        if (dx == 0 && dy == 0) return boxes;
        return [.. boxes.Select(b => b with { X = b.X + dx, Y = b.Y + dy })];
    }

    // The whole-millimetre move that brings the centre into [low, high], or as near as the room allows.
    private static int Shift(double centre, double low, double high, int most, int least)
    {
        if (low > high) return 0; // nowhere is allowed: moving would not make it right, so the load stays
        var want = centre < low ? (int)Math.Ceiling(low - centre - 1e-9) : centre > high ? (int)Math.Floor(high - centre + 1e-9) : 0;
        return Math.Clamp(want, most, least);
    }
}

/// <summary>Where a container type lets its load's centre of gravity lie, in cm from its back wall and left side.</summary>
internal static class Allowed
{
    public static (double Low, double High) Sideways(ContainerType type, double width)
    {
        var half = width * type.Balance.SidewaysPercent / 100;
        return (width / 2 - half, width / 2 + half);
    }

    /// <summary>
    /// The window, narrowed to where the lever model keeps both axle groups within their limits. Axle limits are the
    /// law and the window a guide: when both cannot hold, the axle range alone; when no position keeps both groups
    /// within their limits, the one that overloads them evenly.
    /// </summary>
    public static (double Low, double High) Lengthwise(ContainerType type, double length, double weightKg)
    {
        var half = length * type.Balance.LengthwisePercent / 100;
        var (low, high) = (length / 2 - half, length / 2 + half);
        if (type.Axles is not [var front, var rear] || weightKg <= 0) return (low, high);

        var span = rear.PositionCm - front.PositionCm;
        // The rear group carries W (x - a1) / span, the front one the rest; both must be in their limits and neither
        // may be lifted (x between the groups).
        var axleLow = Math.Max(front.PositionCm, rear.PositionCm - front.MaxLoadKg * span / weightKg);
        var axleHigh = Math.Min(rear.PositionCm, front.PositionCm + rear.MaxLoadKg * span / weightKg);
        if (Math.Max(low, axleLow) <= Math.Min(high, axleHigh)) return (Math.Max(low, axleLow), Math.Min(high, axleHigh));
        if (axleLow <= axleHigh) return (axleLow, axleHigh);
        var total = front.MaxLoadKg + rear.MaxLoadKg;
        if (total <= 0) return (low, high);
        var even = front.PositionCm + span * rear.MaxLoadKg / total; // each group at the same share of its limit
        return (even, even);
    }

    /// <summary>The cargo weight on each of two axle groups by the lever model.</summary>
    public static IReadOnlyList<AxleLoad> AxleLoads(ContainerType type, double weightKg, double x)
    {
        if (type.Axles is not [var front, var rear]) return [];
        var onRear = weightKg * (x - front.PositionCm) / (rear.PositionCm - front.PositionCm);
        return [new(front.PositionCm, weightKg - onRear, front.MaxLoadKg), new(rear.PositionCm, onRear, rear.MaxLoadKg)];
    }
}

/// <summary>Why a load's balance is not as its type asks, in words a dispatcher can act on.</summary>
internal static class BalanceProblems
{
    public static IReadOnlyList<string> Of(ContainerType type, double length, double width, double weightKg, Point3 centre, IReadOnlyList<AxleLoad> axles)
    {
        if (weightKg <= 0) return [];
        var problems = new List<string>();
        var along = (centre.X - length / 2) / length * 100;
        if (Math.Abs(along) > type.Balance.LengthwisePercent + 1e-6)
            problems.Add(FormattableString.Invariant(
                $"centre of gravity {Math.Abs(along):0.##} % of the length from the middle toward the {(along < 0 ? "back wall" : "door")}; the window is ±{type.Balance.LengthwisePercent:0.#} %"));
        var across = (centre.Y - width / 2) / width * 100;
        if (Math.Abs(across) > type.Balance.SidewaysPercent + 1e-6)
            problems.Add(FormattableString.Invariant(
                $"centre of gravity {Math.Abs(across):0.##} % of the width from the middle toward the {(across < 0 ? "left" : "right")} side; the window is ±{type.Balance.SidewaysPercent:0.#} %"));
        foreach (var axle in axles)
        {
            if (axle.LoadKg < -1e-6)
                problems.Add(FormattableString.Invariant($"the axle group at {axle.PositionCm:0.#} cm would be lifted: the centre of gravity lies beyond the other group"));
            else if (!axle.Within)
                problems.Add(FormattableString.Invariant($"the axle group at {axle.PositionCm:0.#} cm carries {axle.LoadKg:0.#} kg of cargo, {axle.LoadKg - axle.MaxLoadKg:0.#} kg over its {axle.MaxLoadKg:0.#} kg"));
        }

        return problems;
    }
}
