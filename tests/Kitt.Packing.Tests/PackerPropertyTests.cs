using CsCheck;

namespace Kitt.Packing.Tests;

public class PackerPropertyTests
{
    // Half-centimetre sizes exercise the millimetre grid without making every box distinct.
    private static readonly Gen<double> Length = Gen.Int[2, 300].Select(n => n / 2.0);

    // Counts from one to as many as needed; balance windows from tight to loose; sometimes two axle groups, with limits
    // from tight (often overloaded, which the plan must say) to ample.
    private static readonly Gen<ContainerType> Container =
        Gen.Select(Gen.Int[40, 600], Gen.Int[40, 250], Gen.Int[40, 250], Gen.Int[0, 3], Gen.Int[0, 3])
            .SelectMany((l, w, h, payload, count) => Gen.Select(Gen.Int[1, 30], Gen.Int[1, 30], Gen.Int[0, 3], Gen.Int[1, 60])
                .Select((along, across, axles, limit) => new ContainerType(l / 2.0 + 10, w / 2.0 + 10, h / 2.0 + 10,
                    payload == 0 ? null : payload * 150.0, count == 0 ? null : count)
                {
                    Balance = new(along, across),
                    Axles = axles == 0 ? [] : [new(-axles * 20.0, limit * 10.0), new(l / 2.0 - axles * 5.0, limit * 10.0)],
                }));

    private static readonly Gen<ItemSpec> Item =
        Gen.Select(Length, Length, Length, Gen.Int[0, 40], Gen.Int[1, 25], Gen.Int[1, 7], Gen.Int[0, 6])
            .SelectMany((l, w, h, kg, qty, axes, flags) => Gen.Int[0, 3].Select(stop =>
                new ItemSpec($"sku-{l}-{w}-{h}", l, w, h, kg / 2.0, qty)
                {
                    AllowedVertical = (VerticalAxes)axes,
                    Fragile = flags == 1,
                    MaxLoadKg = flags == 2 ? kg * 2.0 : null,
                    Stop = stop == 0 ? null : stop,
                    FloorOnly = flags == 3,
                }));

    private static readonly Gen<PackingRequest> Request =
        Gen.Select(Container.Array[1, 2], Item.Array[1, 6]).Select((c, i) => new PackingRequest(c, i));

    [Fact]
    public void RandomShipmentsAlwaysGetValidPlans()
    {
        Request.Sample(request =>
        {
            var options = new PackingOptions { TimeLimit = TimeSpan.FromMilliseconds(40) };
            var plan = Packer.Pack(request, options);
            var violations = PlanValidator.Validate(request, plan, options.SupportFraction);
            Assert.True(violations.Count == 0, string.Join("\n", violations.Take(10)));
        }, iter: 150, threads: 1, print: Describe);
    }

    [Fact]
    public void PlansStayValidUnderLowerSupportRequirements()
    {
        Gen.Select(Request, Gen.Int[1, 10]).Sample((request, tenths) =>
        {
            var options = new PackingOptions { TimeLimit = TimeSpan.FromMilliseconds(30), SupportFraction = tenths / 10.0 };
            var plan = Packer.Pack(request, options);
            Assert.Empty(PlanValidator.Validate(request, plan, options.SupportFraction));
        }, iter: 40, threads: 1);
    }

    [Fact]
    public void EffortBoundedSearchIsDeterministic()
    {
        Request.Sample(request =>
        {
            var options = new PackingOptions { TimeLimit = TimeSpan.FromMinutes(1), MaxPasses = 4 };
            var a = Packer.Pack(request, options);
            var b = Packer.Pack(request, options with { MaxDegreeOfParallelism = 1 });
            Assert.Equal(a.Placements, b.Placements);
            Assert.Equal(a.Unplaced, b.Unplaced);
        }, iter: 20, threads: 1, print: Describe);
    }

    private static string Describe(PackingRequest r) =>
        string.Join("; ", r.Containers.Select(c => $"{c} balance={c.Balance} axles=[{string.Join(", ", c.Axles)}]")) + " | " +
        string.Join("; ", r.Items.Select(i => $"{i} vertical={i.AllowedVertical} fragile={i.Fragile} maxLoad={i.MaxLoadKg} stop={i.Stop} floorOnly={i.FloorOnly}"));
}
