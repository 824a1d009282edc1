using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kitt.Packing.Cli;

/// <summary>Packs one shipment file and prints the plan.</summary>
internal static class PackCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static int Run(string[] args)
    {
        var a = Arguments.Parse(args, "--time-limit-ms", "--support", "--seed", "--repeat");
        if (a is null) return Usage.Print(2);
        Shipment? shipment;
        try
        {
            shipment = JsonSerializer.Deserialize<Shipment>(File.ReadAllText(a.File), Json);
        }
        catch (JsonException e)
        {
            Console.Error.WriteLine($"{e.Path ?? "$"}: {e.Message}");
            return 2;
        }
        if (shipment is null)
        {
            Console.Error.WriteLine("$: empty shipment");
            return 2;
        }
        var request = shipment.ToRequest();
        var options = new PackingOptions
        {
            TimeLimit = TimeSpan.FromMilliseconds(a.Number("--time-limit-ms", 1000)),
            SupportFraction = a.Number("--support", 1.0),
            Seed = (int)a.Number("--seed", 0),
        };
        PackingResult plan;
        try
        {
            // Repeats measure warm runs: the first one in a process also pays for compiling the engine.
            plan = Packer.Pack(request, options);
            for (var i = 1; i < (int)a.Number("--repeat", 1); i++) plan = Packer.Pack(request, options);
        }
        catch (PackingValidationException e)
        {
            // A shipment with one container names it "container" rather than "containers[0]".
            foreach (var error in e.Errors)
                Console.Error.WriteLine($"{(shipment.Listed ? error.Field : error.Field.Replace("containers[0]", "container"))}: {error.Message}");
            return 2;
        }
        var violations = PlanValidator.Validate(request, plan, options.SupportFraction);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            shipment.Reference,
            plan.Utilization,
            ElapsedMs = plan.Elapsed.TotalMilliseconds,
            plan.Containers,
            plan.Placements,
            plan.Unplaced,
            Valid = violations.Count == 0,
        }, Json));
        foreach (var v in violations) Console.Error.WriteLine($"INVALID: {v}");
        return violations.Count == 0 ? 0 : 1;
    }
}
