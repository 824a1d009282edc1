using System.Diagnostics;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Shipments;
using Kitt.Packing;

namespace Kitt.Dashboard.Bench;

/// <summary>Time to score the damage risk of a packed plan, as the worker does after each search.</summary>
internal static class RiskBench
{
    public static int Run(int boxes, int rounds)
    {
        var random = new Random(11);
        var items = Enumerable.Range(0, (boxes + 9) / 10).Select(line => new ItemInput
        {
            Sku = $"SKU-{line:000}",
            Length = random.Next(15, 46),
            Width = random.Next(15, 46),
            Height = random.Next(15, 46),
            WeightKg = random.Next(2, 60),
            Quantity = Math.Min(10, boxes - line * 10),
            Fragile = line % 5 == 2,
            Stop = line % 3,
        }).ToList();
        var container = new ContainerInput { Length = 1203, Width = 235, Height = 239, MaxPayloadKg = 26_700 };
        var request = new ShipmentRequest { Container = container, Items = items }.ToPackingRequest();
        var result = Packer.Pack(request, new Kitt.Packing.PackingOptions { TimeLimit = TimeSpan.FromSeconds(2) });
        var placements = result.Placements.Select(p =>
        {
            var item = items[p.ItemIndex];
            return new PlacementView(p.ItemId, p.X, p.Y, p.Z, p.Dx, p.Dy, p.Dz, p.Sequence, p.ContainerIndex, p.ItemIndex,
                item.WeightKg, item.Fragile, item.Stop, p.SupportFraction);
        }).ToList();

        var times = new List<double>();
        DamageRiskView? risk = null;
        for (var round = 0; round <= rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            risk = DamageRisk.Assess(placements, container, ShipmentPriority.High, "fair");
            if (round > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"risk: {placements.Count} placed boxes, score {risk!.Score} ({risk.Level}), {risk.Factors.Count} factors; " +
                          $"median {Percentiles.Median(times):0.00} ms, max {times.Max():0.00} ms over {rounds} rounds");
        return 0;
    }
}
