using Kitt.Packing.Benchmarks;

namespace Kitt.Packing.Cli;

/// <summary>
/// Multi-drop against one drop: fresh Bischoff &amp; Ratcliff instances (classes BR1-BR7 by default, seeds of our
/// own) whose box types are dealt round-robin to N stops, packed once with the stops and once with them ignored.
/// The ratio of the two utilisations is what keeping every stop reachable costs.
/// </summary>
internal static class StopsCommand
{
    public static int Run(string[] args)
    {
        var a = Arguments.ParseOptions(args, "--classes", "--instances", "--stops", "--first-seed", "--time-limit-ms");
        if (a is null) return Usage.Print(2);
        var (from, to) = Ranges.Parse(a.Get("--classes"), 1, 7);
        var count = (int)a.Number("--instances", 10);
        var stops = (int)a.Number("--stops", 3);
        var first = (long)a.Number("--first-seed", ClassesCommand.FirstSeed);
        var options = new PackingOptions { TimeLimit = TimeSpan.FromMilliseconds(a.Number("--time-limit-ms", 1000)) };
        if (count < 1 || stops < 1 || from < 0 || to >= BischoffRatcliffGenerator.TypesByClass.Count || from > to)
            return Usage.Print(2);

        Console.WriteLine(FormattableString.Invariant(
            $"class  instances  one drop %  {stops} stops %  ratio %  lowest ratio %  invalid   ({options.TimeLimit.TotalMilliseconds:F0} ms each, seeds from {first})"));
        var ratios = new List<double>();
        var invalid = 0;
        for (var c = from; c <= to; c++)
        {
            var oneDrop = new List<double>();
            var multiDrop = new List<double>();
            var classRatios = new List<double>();
            var invalidHere = 0;
            for (var n = 1; n <= count; n++)
            {
                var plain = BischoffRatcliffGenerator.OfClass(c, first + 100L * (n - 1), n).ToRequest();
                var staged = WithStops(plain, stops);
                var u1 = Utilization(plain, options, ref invalidHere);
                var u3 = Utilization(staged, options, ref invalidHere);
                oneDrop.Add(u1);
                multiDrop.Add(u3);
                classRatios.Add(u1 == 0 ? 0 : u3 / u1);
            }
            ratios.AddRange(classRatios);
            invalid += invalidHere;
            Console.WriteLine(FormattableString.Invariant(
                $"BR{c,-3}  {count,9}  {oneDrop.Average() * 100,10:F2}  {multiDrop.Average() * 100,8:F2}  {classRatios.Average() * 100,7:F2}  {classRatios.Min() * 100,14:F2}  {invalidHere,7}"));
        }
        Console.WriteLine(FormattableString.Invariant(
            $"all: {ratios.Count} instances, mean ratio {ratios.Average() * 100:F2} %, median {Statistics.Median(ratios) * 100:F2} %, lowest {ratios.Min() * 100:F2} %"));
        if (invalid > 0) Console.Error.WriteLine($"{invalid} INVALID PLAN(S)");
        return invalid > 0 ? 1 : 0;
    }

    /// <summary>Box type i goes to stop 1 + i mod <paramref name="stops"/>.</summary>
    private static PackingRequest WithStops(PackingRequest request, int stops) =>
        request with { Items = request.Items.Select((item, i) => item with { Stop = 1 + i % stops }).ToList() };

    private static double Utilization(PackingRequest request, PackingOptions options, ref int invalid)
    {
        var result = Packer.Pack(request, options);
        if (PlanValidator.Validate(request, result, options.SupportFraction).Count > 0) invalid++;
        return result.Containers.Count == 0 ? 0 : result.Containers[0].Utilization;
    }
}
