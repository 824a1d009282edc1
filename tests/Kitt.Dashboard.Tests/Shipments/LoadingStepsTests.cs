using Kitt.Dashboard.Shipments;
using Kitt.Packing.Benchmarks;

namespace Kitt.Dashboard.Tests.Shipments;

public sealed class LoadingStepsTests
{
    private static readonly ContainerInput Container = new() { Length = 600, Width = 240, Height = 240 };

    private static readonly IReadOnlyList<ItemInput> Items =
    [
        new() { Sku = "BOX-S", Length = 50, Width = 40, Height = 30, WeightKg = 10 },
        new() { Sku = "BOX-L", Length = 100, Width = 80, Height = 60, WeightKg = 40 },
    ];

    private static IEnumerable<(int, int, int)> Cells(int deep, int across, int high) =>
        from i in Enumerable.Range(0, deep) from k in Enumerable.Range(0, high) from j in Enumerable.Range(0, across) select (i, j, k);

    [Fact]
    public void A_stack_of_one_sku_in_one_orientation_is_one_step()
    {
        var plan = PackedPlans.Plan(Container, [.. PackedPlans.Grid("BOX-S", 0, 50, 40, 30, 0, 0, 0, Cells(2, 2, 3), 1)]);

        var sequence = LoadingSteps.Group(plan, Items);

        var step = Assert.Single(sequence.Steps);
        Assert.Equal("12 × BOX-S, 2 across × 3 high × 2 deep, at the back left, on the floor", step.Summary);
        Assert.Equal((100, 80, 90), (step.Length, step.Width, step.Height));
        Assert.Equal(120, step.LoadedKg);
        Assert.Equal(Enumerable.Range(1, 12), step.Boxes.Select(b => b.Sequence));
        Assert.Equal([12], sequence.Ends);
    }

    [Fact]
    public void A_stack_on_another_comes_after_it_and_says_what_it_rests_on()
    {
        // Two large boxes side by side at the back, small ones on top of them and a row of small ones at the door.
        List<PlacementView> boxes =
        [
            .. PackedPlans.Grid("BOX-L", 1, 100, 80, 60, 0, 0, 0, Cells(1, 2, 1), 1, kg: 40),
            .. PackedPlans.Grid("BOX-S", 0, 50, 40, 30, 0, 0, 60, Cells(2, 4, 1), 3),
            .. PackedPlans.Grid("BOX-S", 0, 50, 40, 30, 500, 0, 0, Cells(1, 6, 1), 11),
        ];

        var sequence = LoadingSteps.Group(PackedPlans.Plan(Container, boxes), Items);

        Assert.Equal(3, sequence.Steps.Count);
        Assert.Equal("2 × BOX-L, 2 across × 1 high × 1 deep, at the back left, on the floor", sequence.Steps[0].Summary);
        Assert.Equal("8 × BOX-S, 4 across × 1 high × 2 deep, at the back left, at 60 cm on step 1", sequence.Steps[1].Summary);
        Assert.Equal([1], sequence.Steps[1].RestsOn);
        Assert.Equal("6 × BOX-S, 6 across × 1 high × 1 deep, at the door across the full width, on the floor", sequence.Steps[2].Summary);
        Assert.Equal(80 + 80 + 60, sequence.Steps[2].LoadedKg);
    }

    [Fact]
    public void Boxes_of_one_sku_turned_differently_are_separate_steps()
    {
        List<PlacementView> boxes =
        [
            .. PackedPlans.Grid("BOX-S", 0, 50, 40, 30, 0, 0, 0, Cells(1, 2, 1), 1),
            .. PackedPlans.Grid("BOX-S", 0, 40, 50, 30, 0, 80, 0, Cells(1, 2, 1), 3),
        ];

        var sequence = LoadingSteps.Group(PackedPlans.Plan(Container, boxes), Items);

        Assert.Equal([2, 4], sequence.Ends);
        Assert.Equal("upright", sequence.Steps[0].Orientation);
        Assert.Equal("upright, turned 90°", sequence.Steps[1].Orientation);
    }

    [Fact]
    public void A_stack_is_not_grown_over_a_box_that_a_later_step_would_have_to_reach_behind()
    {
        // The second BOX-S has a BOX-T behind it that the packer loads after the first BOX-S: one stack of both
        // BOX-S would leave the BOX-T to be pushed in behind it.
        List<PlacementView> boxes =
        [
            new("BOX-U", 0, 0, 0, 100, 40, 30, 1, 0, 2, 10, false, null, 1),
            new("BOX-S", 100, 0, 0, 50, 40, 30, 2, 0, 0, 10, false, null, 1),
            new("BOX-T", 0, 40, 0, 50, 40, 30, 3, 0, 3, 10, false, null, 1),
            new("BOX-S", 100, 40, 0, 50, 40, 30, 4, 0, 0, 10, false, null, 1),
        ];

        var sequence = LoadingSteps.Group(PackedPlans.Plan(Container, boxes), Items);

        Assert.Equal(["BOX-U", "BOX-S", "BOX-T", "BOX-S"], sequence.Steps.Select(s => s.Sku));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(15)]
    public void Steps_of_packed_br_like_shipments_are_whole_stacks_loadable_in_order(int types)
    {
        foreach (var seed in Enumerable.Range(1 + Math.Abs(Environment.TickCount % 10_000), 3))
        {
            var (plan, items) = PackedPlans.Pack(BischoffRatcliffGenerator.Generate(types, seed), TimeSpan.FromMilliseconds(300));

            var sequence = LoadingSteps.Group(plan, items);

            var ordered = sequence.Plan.Placements;
            Assert.Equal(plan.Placements.Count, ordered.Count);
            Assert.Equal(plan.Placements.Select(Key).Order(), ordered.Select(Key).Order());
            Assert.Equal(Enumerable.Range(1, ordered.Count), ordered.Select(p => p.Sequence));
            Assert.True(sequence.Steps.Count < ordered.Count, $"types {types}, seed {seed}: {sequence.Steps.Count} steps for {ordered.Count} boxes");
            var stepOf = new int[ordered.Count];
            var at = 0;
            foreach (var step in sequence.Steps)
            {
                var members = ordered.Skip(at).Take(step.Count).ToList();
                Assert.Equal(step.Across * step.High * step.Deep, step.Count);
                Assert.All(members, m => Assert.Equal((step.Sku, members[0].Length, members[0].Width, members[0].Height), (m.Sku, m.Length, m.Width, m.Height)));
                Assert.Equal(step.Length * step.Width * step.Height, members.Sum(m => m.Length * m.Width * m.Height), 3);
                for (var i = 0; i < members.Count; i++)
                {
                    stepOf[at + i] = step.Number;
                }

                at += step.Count;
            }

            // Every box rests on the floor or on boxes of its own or an earlier step, and nothing behind it is loaded after it.
            for (var b = 0; b < ordered.Count; b++)
            {
                for (var o = 0; o < ordered.Count; o++)
                {
                    var (box, other) = (ordered[b], ordered[o]);
                    var across = Overlap(box.Y, box.Width, other.Y, other.Width);
                    var under = Math.Abs(other.Z + other.Height - box.Z) < 0.01 && across && Overlap(box.X, box.Length, other.X, other.Length);
                    var behind = other.X + other.Length <= box.X + 0.01 && across && Overlap(box.Z, box.Height, other.Z, other.Height);
                    Assert.False((under || behind) && stepOf[o] > stepOf[b],
                        $"types {types}, seed {seed}: box {box.Sequence} of step {stepOf[b]} has box {other.Sequence} of step {stepOf[o]} {(under ? "under" : "behind")} it");
                }
            }
        }
    }

    private static string Key(PlacementView p) => FormattableString.Invariant($"{p.Sku}@{p.X},{p.Y},{p.Z}");

    private static bool Overlap(double a, double aLength, double b, double bLength) => a < b + bLength - 0.01 && b < a + aLength - 0.01;
}
