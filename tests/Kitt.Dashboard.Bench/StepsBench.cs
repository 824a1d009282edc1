using System.Diagnostics;
using Kitt.Dashboard.Shipments;
using Kitt.Packing;
using Kitt.Packing.Benchmarks;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// Loading steps per 1,000 boxes on freshly drawn BR-like shipments, by class (3 to 20 box types), against the
/// one-row-per-box instructions they replace, and the time the grouping takes.
/// </summary>
internal static class StepsBench
{
    private static readonly int[] Classes = [3, 5, 8, 10, 12, 15, 20];

    public static int Run(int instances, int budgetMs)
    {
        var first = Environment.TickCount & 0xFFFF;
        Console.WriteLine($"steps: {instances} fresh instances per class (seeds {first}..{first + instances - 1}), {budgetMs} ms packing each");
        Console.WriteLine("types  boxes(median)  steps(median)  steps/1000 boxes(median)  boxes per step  grouping ms(median)");
        foreach (var types in Classes)
        {
            var boxes = new List<double>();
            var steps = new List<double>();
            var perThousand = new List<double>();
            var times = new List<double>();
            for (var seed = first; seed < first + instances; seed++)
            {
                var instance = BischoffRatcliffGenerator.Generate(types, seed);
                var request = instance.ToRequest();
                var result = Packer.Pack(request, new PackingOptions { TimeLimit = TimeSpan.FromMilliseconds(budgetMs) });
                var items = request.Items.Select(i => new ItemInput { Sku = i.Id, Length = i.Length, Width = i.Width, Height = i.Height }).ToList();
                var plan = new PlanView(seed, $"BR-{types}-{seed}", "packed", result.Utilization,
                    new ContainerInput { Length = instance.Length, Width = instance.Width, Height = instance.Height },
                    [.. result.Placements.Select(p => new PlacementView(p.ItemId, p.X, p.Y, p.Z, p.Dx, p.Dy, p.Dz, p.Sequence, p.ContainerIndex, p.ItemIndex, 0, false, null, p.SupportFraction))],
                    [], null);
                var watch = Stopwatch.StartNew();
                var sequence = LoadingSteps.Group(plan, items);
                times.Add(watch.Elapsed.TotalMilliseconds);
                boxes.Add(plan.Placements.Count);
                steps.Add(sequence.Steps.Count);
                perThousand.Add(1000.0 * sequence.Steps.Count / plan.Placements.Count);
            }

            Console.WriteLine($"{types,5}  {Percentiles.Median(boxes),13:0}  {Percentiles.Median(steps),13:0}  {Percentiles.Median(perThousand),24:0}" +
                              $"  {1000 / Percentiles.Median(perThousand),14:0.0}  {Percentiles.Median(times),19:0.0}");
        }

        return 0;
    }
}
