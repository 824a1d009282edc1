using System.Globalization;
using Kitt.Dashboard.Protocol;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// Scores how likely a plan is to arrive damaged, 0 (no concern) to 100, as a sum of named factors so a dispatcher
/// sees why. Linear in the boxes except for the fragile-load check, which is fragile boxes × boxes: a 1,000-box plan
/// scores in a few milliseconds.
/// </summary>
public static class DamageRisk
{
    private const double Epsilon = 1e-6;

    public static string Level(double score) => score < 25 ? "low" : score < 50 ? "medium" : "high";

    /// <summary>The risk of a plan whose boxes are all in containers of one size.</summary>
    public static DamageRiskView Assess(IReadOnlyList<PlacementView> boxes, ContainerInput container, string priority, string? routeConditions) =>
        Assess(boxes, _ => container, priority, routeConditions);

    /// <summary>The risk of a plan over several containers, each with its own sizes and the balance the engine found.</summary>
    public static DamageRiskView Assess(IReadOnlyList<PlacementView> boxes, IReadOnlyList<ContainerLoadView> containers, string priority, string? routeConditions) =>
        Assess(boxes, i => containers[i].Sizes, priority, routeConditions, containers);

    private static DamageRiskView Assess(IReadOnlyList<PlacementView> boxes, Func<int, ContainerInput> container, string priority, string? routeConditions,
        IReadOnlyList<ContainerLoadView>? loads = null)
    {
        var factors = new List<RiskFactor>();
        if (boxes.Count > 0)
        {
            FragileUnderLoad(boxes, factors);
            PartialSupport(boxes, factors);
            HeavyHighUp(boxes, container, factors);
            CentreOfGravity(boxes, container, factors);
            BalanceBroken(loads ?? [], factors);
        }

        var handling = factors.Sum(f => f.Points);
        Route(routeConditions, handling, factors);
        Priority(priority, factors);
        var score = Math.Round(Math.Clamp(factors.Sum(f => f.Points), 0, 100), 1);
        return new DamageRiskView(score, Level(score), factors);
    }

    private static void FragileUnderLoad(IReadOnlyList<PlacementView> boxes, List<RiskFactor> factors)
    {
        var fragile = boxes.Where(b => b.Fragile).ToList();
        if (fragile.Count == 0)
        {
            return;
        }

        var loaded = 0;
        double load = 0;
        foreach (var f in fragile)
        {
            // Anything above the box's top whose footprint overlaps it bears on it, directly or through others.
            var above = boxes.Where(b => b.Container == f.Container && b.Z >= f.Z + f.Height - Epsilon && Overlaps(b, f)).ToList();
            if (above.Count > 0)
            {
                loaded++;
                load += above.Sum(b => b.WeightKg);
            }
        }

        if (loaded > 0)
        {
            var points = 10 + 20.0 * loaded / fragile.Count;
            factors.Add(new("Fragile items under load", Round(points),
                $"{loaded} of {fragile.Count} fragile boxes have boxes stacked above them ({Kg(load)} in total)"));
        }
    }

    private static void PartialSupport(IReadOnlyList<PlacementView> boxes, List<RiskFactor> factors)
    {
        var partial = boxes.Where(b => b.SupportFraction < 1 - Epsilon).ToList();
        if (partial.Count == 0)
        {
            return;
        }

        var missing = partial.Sum(b => 1 - b.SupportFraction) / boxes.Count;
        factors.Add(new("Partly supported boxes", Round(Math.Min(15, 3 + 60 * missing)),
            $"{partial.Count} boxes rest on less than their full base (lowest {partial.Min(b => b.SupportFraction):P0})"));
    }

    private static void HeavyHighUp(IReadOnlyList<PlacementView> boxes, Func<int, ContainerInput> container, List<RiskFactor> factors)
    {
        var mean = boxes.Average(b => b.WeightKg);
        var heavy = boxes.Where(b => b.WeightKg > 1.5 * mean && b.WeightKg > 0).ToList();
        if (heavy.Count == 0)
        {
            return;
        }

        // A heavy box whose base is in the upper half can topple or crush what is below when the truck brakes.
        var high = heavy.Where(b => b.Z >= container(b.Container).Height / 2).ToList();
        if (high.Count == 0)
        {
            return;
        }

        var share = high.Sum(b => b.WeightKg) / heavy.Sum(b => b.WeightKg);
        factors.Add(new("Heavy items high up", Round(5 + 15 * share),
            $"{high.Count} of {heavy.Count} heavy boxes (over {Kg(1.5 * mean)}) sit in the upper half"));
    }

    /// <summary>The load's centre of gravity (cm from the back wall, the left wall and the floor); null for weightless boxes.</summary>
    public static (double X, double Y, double Z)? CentreOf(IReadOnlyList<PlacementView> boxes)
    {
        var weight = boxes.Sum(b => b.WeightKg);
        return weight <= Epsilon
            ? null
            : (boxes.Sum(b => (b.X + b.Length / 2) * b.WeightKg) / weight,
                boxes.Sum(b => (b.Y + b.Width / 2) * b.WeightKg) / weight,
                boxes.Sum(b => (b.Z + b.Height / 2) * b.WeightKg) / weight);
    }

    /// <summary>The worst-balanced container counts: each one travels (and tips) on its own.</summary>
    private static void CentreOfGravity(IReadOnlyList<PlacementView> boxes, Func<int, ContainerInput> containerOf, List<RiskFactor> factors)
    {
        var groups = boxes.GroupBy(b => b.Container).OrderBy(g => g.Key).ToList();
        RiskFactor? worst = null;
        foreach (var group in groups)
        {
            if (CentreOf([.. group]) is not var (cx, cy, cz))
            {
                continue;
            }

            var container = containerOf(group.Key);
            var lateral = Math.Abs(cy - container.Width / 2) / (container.Width / 2);
            var lengthwise = Math.Abs(cx - container.Length / 2) / (container.Length / 2);
            var height = cz / container.Height;
            // Sideways imbalance tips a trailer in curves; a high centre makes it worse; lengthwise mostly loads one axle.
            var raw = 25 * lateral + 5 * lengthwise + 10 * Math.Max(0, height - 0.4) / 0.6;
            var points = Round(Math.Min(25, raw));
            if (raw >= 1 && (worst is null || points > worst.Points))
            {
                var where = groups.Count > 1 ? $"container {group.Key + 1}: " : "";
                worst = new("Centre of gravity off centre", points,
                    $"{where}{lateral:P0} of the half-width sideways, {lengthwise:P0} of the half-length lengthwise, at {height:P0} of the height");
            }
        }

        if (worst is not null)
        {
            factors.Add(worst);
        }
    }

    /// <summary>A container whose centre of gravity is outside its window, or an axle group over its limit: the very
    /// figures the plan reports, so the risk and the plan agree.</summary>
    private static void BalanceBroken(IReadOnlyList<ContainerLoadView> loads, List<RiskFactor> factors)
    {
        var broken = loads.Where(l => l.BalanceProblems.Count > 0).ToList();
        if (broken.Count > 0)
        {
            var several = loads.Count > 1;
            factors.Add(new("Weight distribution outside its limits", Round(Math.Min(20, 10 + 5 * broken.Sum(l => l.BalanceProblems.Count))),
                string.Join("; ", broken.SelectMany(l => l.BalanceProblems.Select(p => several ? $"container {l.Index + 1}: {p}" : p)))));
        }
    }

    private static void Route(string? routeConditions, double handling, List<RiskFactor> factors)
    {
        var (factor, words) = routeConditions switch
        {
            "fair" => (0.25, "fair roads add a quarter to the handling risk"),
            "poor" => (0.6, "poor roads add 60 % to the handling risk"),
            _ => (0.0, ""),
        };
        if (factor > 0)
        {
            factors.Add(new("Route conditions", Round(5 + factor * handling), words));
        }
    }

    private static void Priority(string priority, List<RiskFactor> factors)
    {
        var points = priority switch { ShipmentPriority.Urgent => 8, ShipmentPriority.High => 4, _ => 0 };
        if (points > 0)
        {
            factors.Add(new("Priority", points, $"{priority} shipments are handled in a hurry at transfers"));
        }
    }

    private static bool Overlaps(PlacementView a, PlacementView b) =>
        a.X < b.X + b.Length - Epsilon && b.X < a.X + a.Length - Epsilon &&
        a.Y < b.Y + b.Width - Epsilon && b.Y < a.Y + a.Width - Epsilon;

    private static double Round(double points) => Math.Round(points, 1);

    private static string Kg(double kg) => kg.ToString("0.#", CultureInfo.InvariantCulture) + " kg";
}
