using System.Diagnostics;
using Kitt.Packing.Benchmarks;

namespace Kitt.Packing.Cli;

/// <summary>
/// Shipments bigger than one container: how many containers the engine uses against the volume's lower bound, and
/// the time and memory of a 5,000-box shipment over up to five 40 ft high-cube containers.
/// </summary>
internal static class FleetCommand
{
    public static int Run(string[] args)
    {
        var a = Arguments.ParseOptions(args, "--instances", "--first-seed", "--time-limit-ms", "--large");
        if (a is null) return Usage.Print(2);
        var count = (int)a.Number("--instances", 5);
        var first = (long)a.Number("--first-seed", ClassesCommand.FirstSeed);
        var perContainer = a.Number("--time-limit-ms", 1000);
        var invalid = 0;
        if (a.Get("--large") is not "only")
        {
            Console.WriteLine("worth  types  instances  containers used (mean)  lower bound (mean)  over the bound  utilisation %");
            foreach (var worth in new[] { 2, 3, 4, 5 })
            foreach (var types in new[] { 5, 30 })
            {
                var (used, bound, over, util) = (0.0, 0.0, 0, 0.0);
                for (var n = 1; n <= count; n++)
                {
                    // 95 % of the volume of `worth` containers: a shipment the bound says fits in exactly that many.
                    var instance = BischoffRatcliffGenerator.Generate(types, first + 100L * (n - 1), n, containers: worth * 0.95);
                    var request = Unlimited(instance.ToRequest());
                    var options = new PackingOptions { TimeLimit = TimeSpan.FromMilliseconds(perContainer * worth) };
                    var result = Packer.Pack(request, options);
                    if (PlanValidator.Validate(request, result).Count > 0 || result.Unplaced.Count > 0) invalid++;
                    var lower = LowerBound(request);
                    used += result.Containers.Count;
                    bound += lower;
                    over += result.Containers.Count > lower ? 1 : 0;
                    util += result.Utilization;
                }
                Console.WriteLine(FormattableString.Invariant(
                    $"{worth,5}  {types,5}  {count,9}  {used / count,22:F2}  {bound / count,18:F2}  {over,8} of {count}  {util / count * 100,12:F2}"));
            }
        }

        if (a.Get("--large") is not "no") invalid += Large(first);
        if (invalid > 0) Console.Error.WriteLine($"{invalid} INVALID OR INCOMPLETE PLAN(S)");
        return invalid > 0 ? 1 : 0;
    }

    /// <summary>5,000 boxes of 20 types, sides at 60 % of the generator's, over up to five 40HC; the 40HC is
    /// 1203 × 235 × 269 cm.</summary>
    private static int Large(long seed)
    {
        var drawn = BischoffRatcliffGenerator.Generate(20, seed, 1, containers: 9, sideScale: 0.6);
        var items = new List<ItemSpec>();
        var left = 5_000;
        foreach (var (type, i) in drawn.ToRequest().Items.Select((t, i) => (t, i)))
        {
            var quantity = i == drawn.Types.Count - 1 ? left : Math.Min(left, type.Quantity);
            if (quantity <= 0) break;
            items.Add(type with { Quantity = quantity, WeightKg = 8 });
            left -= quantity;
        }
        var request = new PackingRequest([new ContainerType(1203, 235, 269, 26_000, Count: 5)], items);
        var boxes = items.Sum(i => i.Quantity);
        var clock = Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var result = Packer.Pack(request, new PackingOptions { TimeLimit = TimeSpan.FromSeconds(10) });
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var violations = PlanValidator.Validate(request, result);
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(FormattableString.Invariant(
            $"large: {boxes} boxes, {result.Placements.Count} placed in {result.Containers.Count} containers (lower bound {LowerBound(request)}), utilisation {result.Utilization * 100:F2} %, {clock.Elapsed.TotalSeconds:F1} s, peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MiB, allocated {allocated / 1048576.0:F0} MiB, {(violations.Count == 0 ? "valid" : "INVALID")}"));
        return violations.Count == 0 ? 0 : 1;
    }

    private static PackingRequest Unlimited(PackingRequest request) =>
        request with { Containers = [.. request.Containers.Select(c => c with { Count = null })] };

    /// <summary>The fewest containers of the first kind the boxes' volume alone needs.</summary>
    private static int LowerBound(PackingRequest request)
    {
        var c = request.Containers[0];
        var volume = request.Items.Sum(i => i.Length * i.Width * i.Height * i.Quantity);
        return (int)Math.Ceiling(volume / (c.Length * c.Width * c.Height) - 1e-9);
    }
}
