using System.Diagnostics;
using Kitt.Dashboard.Shipments;
using Kitt.Dashboard.Shipments.Report;
using Kitt.Packing;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// The PDF load report of a packed shipment: time from the stored plan to the file (steps grouped, every step drawn
/// and written) and the process's peak resident memory while it is made (VmHWM, reset before the report).
/// </summary>
internal static class ReportBench
{
    public static int Run(int boxes, int skus, int rounds)
    {
        var random = new Random(29);
        var perSku = (boxes + skus - 1) / skus;
        var items = Enumerable.Range(0, skus).Select(line => new ItemInput
        {
            Sku = $"SKU-{line:000}",
            Length = random.Next(15, 46),
            Width = random.Next(15, 46),
            Height = random.Next(15, 46),
            WeightKg = random.Next(2, 40),
            Quantity = Math.Max(0, Math.Min(perSku, boxes - line * perSku)),
            Fragile = line % 7 == 3,
        }).Where(i => i.Quantity > 0).ToList();
        var container = new ContainerInput { Type = "40HC", Length = 1203, Width = 235, Height = 269, MaxPayloadKg = 26_500 };
        var result = Packer.Pack(new ShipmentRequest { Container = container, Items = items }.ToPackingRequest(),
            new PackingOptions { TimeLimit = TimeSpan.FromSeconds(2) });
        var plan = new PlanView(1, "BENCH-REPORT", "packed", result.Utilization, container,
            [.. result.Placements.Select(p => new PlacementView(p.ItemId, p.X, p.Y, p.Z, p.Dx, p.Dy, p.Dz, p.Sequence, p.ContainerIndex, p.ItemIndex,
                items[p.ItemIndex].WeightKg, items[p.ItemIndex].Fragile, null, p.SupportFraction))],
            [], DamageRisk.Assess([], container, "normal", null));
        var details = new ShipmentDetails(1, "BENCH-REPORT", "Rotterdam", "Hamburg", "normal", null, "packed", null, container, items, 1, "bench",
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null, DateTimeOffset.UtcNow, null);

        var times = new List<double>();
        var peaks = new List<double>();
        var (pages, bytes, steps) = (0, 0L, 0);
        for (var round = 0; round <= rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            ResetPeak();
            var watch = Stopwatch.StartNew();
            var sequence = LoadingSteps.Group(plan, items);
            var pdf = LoadReport.Write(new ShipmentLoading(details, sequence), DateTimeOffset.UtcNow);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            if (round == 0)
            {
                continue; // warm-up: the engine's first drawing loads the native library and the fonts
            }

            times.Add(elapsed);
            peaks.Add(PeakMegabytes());
            (bytes, steps) = (pdf.Length, sequence.Steps.Count);
            pages = CountPages(pdf);
        }

        Console.WriteLine($"report: {plan.Placements.Count} boxes of {items.Count} SKUs in {steps} steps, {pages} pages, {bytes / 1024.0 / 1024:0.0} MiB; " +
                          $"median {Percentiles.Median(times):0} ms (max {times.Max():0}), peak RSS median {Percentiles.Median(peaks):0} MB (max {peaks.Max():0}) over {rounds} rounds");
        return 0;
    }

    // Linux: writing 5 to clear_refs sets the peak resident size (VmHWM) back to the current one.
    private static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    private static double PeakMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    private static int CountPages(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }
}
