using System.Globalization;
using System.Text;
using Kitt.Packing.Benchmarks;

namespace Kitt.Packing.Cli;

/// <summary>Runs Bischoff &amp; Ratcliff instances through the packer and the validator.</summary>
internal static class BenchCommand
{
    public static int Run(string[] args)
    {
        var a = Arguments.Parse(args, "--instances", "--time-limit-ms", "--support", "--plans");
        if (a is null) return Usage.Print(2);
        var instances = BischoffRatcliffReader.Load(a.File);
        var (from, to) = Ranges.Parse(a.Get("--instances"), 1, instances.Count);
        var options = new PackingOptions
        {
            TimeLimit = TimeSpan.FromMilliseconds(a.Number("--time-limit-ms", 1000)),
            SupportFraction = a.Number("--support", 1.0),
        };
        using var plans = a.Get("--plans") is { } path ? new StreamWriter(path, append: false) : null;
        var name = Path.GetFileNameWithoutExtension(a.File);
        var utilizations = new List<double>();
        var times = new List<double>();
        var invalid = 0;
        foreach (var instance in instances.Where(i => i.Number >= from && i.Number <= to))
        {
            var request = instance.ToRequest();
            var result = Packer.Pack(request, options);
            var ms = result.Elapsed.TotalMilliseconds;
            var violations = PlanValidator.Validate(request, result, options.SupportFraction);
            var utilization = result.Containers.Count == 0 ? 0 : result.Containers[0].Utilization;
            utilizations.Add(utilization);
            times.Add(ms);
            Console.WriteLine(FormattableString.Invariant(
                $"{name} #{instance.Number,3}  utilisation {utilization * 100,6:F2} %  {ms,7:F0} ms  {result.Placements.Count,4} boxes  {(violations.Count == 0 ? "valid" : "INVALID")}"));
            if (violations.Count > 0)
            {
                invalid++;
                foreach (var violation in violations.Take(20)) Console.WriteLine($"  INVALID: {violation}");
            }
            plans?.WriteLine(PlanLine(instance.Number, utilization, ms, result));
        }
        var median = Statistics.Median(times);
        Console.WriteLine(FormattableString.Invariant(
            $"{name} summary: {utilizations.Count} instances  mean utilisation {(utilizations.Count == 0 ? 0 : utilizations.Average() * 100):F2} %  median {median:F0} ms  max {(times.Count == 0 ? 0 : times.Max()):F0} ms  invalid {invalid}"));
        if (invalid > 0) Console.Error.WriteLine($"{invalid} INVALID PLAN(S)");
        return invalid > 0 ? 1 : 0;
    }

    private static string PlanLine(int number, double utilization, double ms, PackingResult result)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{{\"instance\":{number},\"utilization\":{utilization:R},\"ms\":{ms:F1},\"placed\":[");
        for (var i = 0; i < result.Placements.Count; i++)
        {
            var p = result.Placements[i];
            if (i > 0) sb.Append(',');
            sb.Append(CultureInfo.InvariantCulture,
                $"[{p.ItemIndex + 1},{p.X:R},{p.Y:R},{p.Z:R},{p.Dx:R},{p.Dy:R},{p.Dz:R}]");
        }
        return sb.Append("]}").ToString();
    }
}
