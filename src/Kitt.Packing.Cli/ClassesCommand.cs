using Kitt.Packing.Benchmarks;

namespace Kitt.Packing.Cli;

/// <summary>
/// Packs fresh Bischoff &amp; Ratcliff instances of every class, drawn by their generator from seeds of our own, so
/// the figures speak of cargo the engine was not tuned on; every plan goes through the validator.
/// </summary>
internal static class ClassesCommand
{
    /// <summary>Seeds of our own, apart from the published ones (2,502,505 onward): instance n has FirstSeed + 100 (n − 1).</summary>
    public const long FirstSeed = 31_337_001;

    public static int Run(string[] args)
    {
        var a = Arguments.ParseOptions(args, "--classes", "--instances", "--first-seed", "--time-limit-ms", "--support");
        if (a is null) return Usage.Print(2);
        var (from, to) = Ranges.Parse(a.Get("--classes"), 0, BischoffRatcliffGenerator.TypesByClass.Count - 1);
        var count = (int)a.Number("--instances", 10);
        var first = (long)a.Number("--first-seed", FirstSeed);
        var options = new PackingOptions
        {
            TimeLimit = TimeSpan.FromMilliseconds(a.Number("--time-limit-ms", 1000)),
            SupportFraction = a.Number("--support", 1.0),
        };

        Console.WriteLine(FormattableString.Invariant(
            $"class  types  instances  mean %   min %   median ms  invalid   ({options.TimeLimit.TotalMilliseconds:F0} ms each, seeds from {first})"));
        if (count < 1 || from < 0 || to >= BischoffRatcliffGenerator.TypesByClass.Count || from > to) return Usage.Print(2);
        var means = new Dictionary<int, double>();
        var invalid = 0;
        for (var c = from; c <= to; c++)
        {
            var invalidHere = 0;
            var utilizations = new List<double>();
            var times = new List<double>();
            for (var n = 1; n <= count; n++)
            {
                var instance = BischoffRatcliffGenerator.OfClass(c, first + 100L * (n - 1), n);
                var request = instance.ToRequest();
                var result = Packer.Pack(request, options);
                if (PlanValidator.Validate(request, result, options.SupportFraction).Count > 0) invalidHere++;
                utilizations.Add(result.Containers.Count == 0 ? 0 : result.Containers[0].Utilization);
                times.Add(result.Elapsed.TotalMilliseconds);
            }

            means[c] = utilizations.Average();
            invalid += invalidHere;
            Console.WriteLine(FormattableString.Invariant(
                $"BR{c,-3}  {BischoffRatcliffGenerator.TypesByClass[c],5}  {count,9}  {means[c] * 100,6:F2}  {utilizations.Min() * 100,6:F2}  {Statistics.Median(times),9:F0}  {invalidHere,7}"));
        }

        Summary("BR1-BR7", means, 1, 7);
        Summary("BR8-BR15", means, 8, 15);
        if (invalid > 0) Console.Error.WriteLine($"{invalid} INVALID PLAN(S)");
        return invalid > 0 ? 1 : 0;
    }

    private static void Summary(string name, Dictionary<int, double> means, int from, int to)
    {
        var inRange = means.Where(m => m.Key >= from && m.Key <= to).Select(m => m.Value).ToList();
        if (inRange.Count > 0)
            Console.WriteLine(FormattableString.Invariant($"{name}: mean {inRange.Average() * 100:F2} %, lowest class {inRange.Min() * 100:F2} % ({inRange.Count} classes)"));
    }
}
