namespace Kitt.Packing.Tests;

public class PackerEdgeCaseTests
{
    [Fact]
    public void OneWeightlessItemGoesInTheBackCornerOnTheFloor()
    {
        var plan = Plans.PackValid(Plans.One(new ContainerType(100, 100, 100), new ItemSpec("a", 10, 20, 30)));
        var p = Assert.Single(plan.Placements);
        Assert.Equal((0.0, 0.0, 0.0), (p.X, p.Y, p.Z));
        Assert.Equal(1.0, p.SupportFraction);
        Assert.Empty(plan.Unplaced);
    }

    [Fact]
    public void OneHeavyItemIsMovedOnTheFloorUntilItsWeightIsCentredWithinTheWindow()
    {
        var plan = Plans.PackValid(Plans.One(new ContainerType(100, 100, 100), new ItemSpec("a", 10, 20, 30, 5)));
        var p = Assert.Single(plan.Placements);
        var load = plan.Containers[0];
        Assert.Equal(0.0, p.Z);
        Assert.Equal(5.0, load.WeightKg);
        // The shortest move: to the window's edge nearest the back wall and the left side.
        Assert.Equal((40.0, 45.0), (load.CenterOfGravity.X, load.CenterOfGravity.Y));
        Assert.Empty(load.BalanceProblems);
    }

    [Fact]
    public void A_load_moves_forward_until_neither_axle_group_carries_more_than_its_limit()
    {
        // Four 500 kg crates take the first 400 cm of 1000; groups under both ends, the one at the back wall allowed
        // 1000 kg: the centre must lie at 500 cm or beyond, and the window allows up to 600.
        var type = new ContainerType(1000, 240, 240) { Axles = [new(0, 1000), new(1000, 3000)] };
        var plan = Plans.PackValid(new PackingRequest([type], [new ItemSpec("crate", 100, 240, 240, 500, 4) { AllowedVertical = VerticalAxes.Height }]));
        var load = plan.Containers[0];
        Assert.Empty(load.BalanceProblems);
        Assert.Equal(500, load.CenterOfGravity.X, 6);
        Assert.Equal([1000.0, 1000.0], load.AxleLoads.Select(a => Math.Round(a.LoadKg, 6)));
        Assert.Equal(300, plan.Placements.Min(p => p.X));
    }

    [Fact]
    public void A_load_no_position_can_balance_is_packed_and_says_why()
    {
        var type = new ContainerType(1000, 240, 240) { Axles = [new(0, 500), new(1000, 500)] };
        var plan = Plans.PackValid(new PackingRequest([type], [new ItemSpec("crate", 100, 240, 240, 500, 4) { AllowedVertical = VerticalAxes.Height }]));
        var load = plan.Containers[0];
        Assert.Equal(4, load.BoxCount);
        Assert.Contains(load.BalanceProblems, p => p.Contains("over its 500 kg"));

        // Heavy at one end or side, no room to move: the window is broken, and said to be.
        var full = new ContainerType(100, 100, 100) { Balance = new(10, 5) };
        var sided = Plans.PackValid(new PackingRequest([full], [
            new ItemSpec("lead", 100, 50, 100, 900) { AllowedVertical = VerticalAxes.Height },
            new ItemSpec("foam", 100, 50, 100, 1) { AllowedVertical = VerticalAxes.Height }]));
        Assert.Contains(sided.Containers[0].BalanceProblems, p => p.StartsWith("centre of gravity", StringComparison.Ordinal) && p.Contains("the window is"));
    }

    [Fact]
    public void ItemExactlyTheContainerFillsIt()
    {
        var plan = Plans.PackValid(Plans.One(new ContainerType(120, 80, 60), new ItemSpec("pallet", 120, 80, 60)));
        Assert.Single(plan.Placements);
        Assert.Equal(1.0, plan.Containers[0].Utilization, 9);
    }

    [Fact]
    public void ItemThatOnlyFitsRotatedIsRotated()
    {
        var plan = Plans.PackValid(Plans.One(new ContainerType(30, 100, 30), new ItemSpec("long", 100, 30, 30)));
        var p = Assert.Single(plan.Placements);
        Assert.Equal(100, p.Dy, 9);
    }

    [Fact]
    public void ThisSideUpItemThatFitsOnlyOnItsSideIsUnplacedWithAReason()
    {
        var item = new ItemSpec("tall", 10, 10, 50) { AllowedVertical = VerticalAxes.Height };
        var plan = Plans.PackValid(Plans.One(new ContainerType(100, 100, 40), item));
        Assert.Empty(plan.Placements);
        var u = Assert.Single(plan.Unplaced);
        Assert.Equal(UnplacedReason.DoesNotFit, u.Reason);
        Assert.Equal(1, u.Count);
    }

    [Fact]
    public void ItemLargerThanTheContainerIsUnplacedNotAnError()
    {
        var plan = Plans.PackValid(Plans.One(new ContainerType(50, 50, 50),
            new ItemSpec("big", 60, 10, 10, 1, 3), new ItemSpec("small", 10, 10, 10, 1, 2)));
        Assert.Equal(2, plan.Placements.Count);
        var u = Assert.Single(plan.Unplaced);
        Assert.Equal((0, 3, UnplacedReason.DoesNotFit), (u.ItemIndex, u.Count, u.Reason));
    }

    [Fact]
    public void ItemHeavierThanThePayloadIsUnplacedAsTooHeavy()
    {
        var plan = Plans.PackValid(Plans.One(new ContainerType(100, 100, 100, MaxPayloadKg: 10),
            new ItemSpec("anvil", 10, 10, 10, 50)));
        Assert.Equal(UnplacedReason.TooHeavy, Assert.Single(plan.Unplaced).Reason);
    }

    [Fact]
    public void PayloadLimitsHowManyArePlaced()
    {
        var plan = Plans.PackValid(Plans.One(new ContainerType(100, 100, 100, MaxPayloadKg: 35),
            new ItemSpec("brick", 10, 10, 10, 10, 8)));
        Assert.Equal(3, plan.Placements.Count);
        Assert.Equal(UnplacedReason.NoCapacity, Assert.Single(plan.Unplaced).Reason);
    }

    [Fact]
    public void ZeroWeightItemsPackAndReportAVolumeCentre()
    {
        var plan = Plans.PackValid(Plans.One(new ContainerType(100, 100, 100), new ItemSpec("foam", 100, 100, 10, 0, 1)));
        Assert.Equal(0, plan.Containers[0].WeightKg);
        Assert.Equal(new Point3(50, 50, 5), plan.Containers[0].CenterOfGravity);
    }

    [Fact]
    public void FillsContainersInSequence()
    {
        var plan = Plans.PackValid(new PackingRequest([new ContainerType(100, 100, 100, Count: 3)],
            [new ItemSpec("cube", 50, 50, 50, 1, 12)]));
        Assert.Equal(2, plan.Containers.Count);
        Assert.Equal(8, plan.Containers[0].BoxCount);
        Assert.Equal(4, plan.Containers[1].BoxCount);
        Assert.Empty(plan.Unplaced);
    }

    [Fact]
    public void MovesOnToTheNextContainerKindWhenOneRunsOut()
    {
        var plan = Plans.PackValid(new PackingRequest(
            [new ContainerType(50, 50, 50, Count: 1), new ContainerType(100, 100, 100, Count: null)],
            [new ItemSpec("cube", 50, 50, 50, 1, 10)]));
        Assert.Equal([0, 1, 1], plan.Containers.Select(c => c.TypeIndex));
        Assert.Empty(plan.Unplaced);
    }

    [Fact]
    public void FragileItemsCarryNothing()
    {
        var plan = Plans.PackValid(Plans.One(new ContainerType(100, 100, 100),
            new ItemSpec("glass", 50, 50, 50, 2, 4) { Fragile = true },
            new ItemSpec("brick", 50, 50, 50, 20, 4)));
        Assert.Equal(8, plan.Placements.Count);
        Assert.All(plan.Placements.Where(p => p.ItemIndex == 0), p => Assert.Equal(50, p.Z));
    }

    [Fact]
    public void FloorOnlyBoxesStandOnTheFloorAndOthersMayStandOnThem()
    {
        // Eight pallets would fit in two layers; only four floor places exist, so four go and four are left out.
        var plan = Plans.PackValid(Plans.One(new ContainerType(100, 100, 100),
            new ItemSpec("pallet", 50, 50, 50, 20, 8) { FloorOnly = true },
            new ItemSpec("carton", 50, 50, 50, 2, 4)));
        var pallets = plan.Placements.Where(p => p.ItemIndex == 0).ToList();
        Assert.Equal(4, pallets.Count);
        Assert.All(pallets, p => Assert.Equal(0, p.Z));
        Assert.All(plan.Placements.Where(p => p.ItemIndex == 1), p => Assert.Equal(50, p.Z));
        Assert.Equal((0, 4, UnplacedReason.NoCapacity), (plan.Unplaced.Single().ItemIndex, plan.Unplaced.Single().Count, plan.Unplaced.Single().Reason));
    }

    [Fact]
    public void FloorOnlyBoxesTakeTheFloorBeforeBoxesThatCouldGoHigher()
    {
        // Cartons listed first and larger in number would cover the floor if they went first.
        var plan = Plans.PackValid(Plans.One(new ContainerType(200, 100, 100),
            new ItemSpec("carton", 50, 50, 50, 1, 12),
            new ItemSpec("machine", 50, 50, 50, 100, 4) { FloorOnly = true }));
        Assert.Empty(plan.Unplaced);
        Assert.All(plan.Placements.Where(p => p.ItemIndex == 1), p => Assert.Equal(0, p.Z));
    }

    [Fact]
    public void MaxLoadAllowsStackingUpToTheLimit()
    {
        var plan = Plans.PackValid(Plans.One(new ContainerType(10, 10, 100),
            new ItemSpec("crate", 10, 10, 10, 5, 10) { MaxLoadKg = 15 }));
        // Each crate may carry three more: four in a column, the rest left out.
        Assert.Equal(4, plan.Placements.Count);
    }

    [Fact]
    public void LaterStopsAreLoadedDeeper()
    {
        var plan = Plans.PackValid(Plans.One(new ContainerType(300, 100, 100),
            new ItemSpec("first", 50, 50, 50, 1, 4) { Stop = 1 },
            new ItemSpec("second", 50, 50, 50, 1, 4) { Stop = 2 },
            new ItemSpec("last", 50, 50, 50, 1, 4)));
        double MinX(int item) => plan.Placements.Where(p => p.ItemIndex == item).Min(p => p.X);
        Assert.True(MinX(2) < MinX(1) && MinX(1) < MinX(0));
        var byStop = plan.Placements.OrderBy(p => p.Sequence).Select(p => p.ItemIndex).ToList();
        Assert.Equal(byStop.OrderByDescending(i => i), byStop);
    }

    [Fact]
    public void HugeCountsPackQuickly()
    {
        var request = Plans.One(new ContainerType(1000, 1000, 100), new ItemSpec("tile", 10, 10, 10, 0.1, 100_000));
        var plan = Plans.PackValid(request, new PackingOptions { TimeLimit = TimeSpan.FromSeconds(5) });
        Assert.Equal(100_000, plan.Placements.Count);
        Assert.Equal(1.0, plan.Utilization, 9);
    }

    [Fact]
    public void NoItemsGivesAnEmptyPlan()
    {
        var plan = Plans.PackValid(new PackingRequest([new ContainerType(10, 10, 10)], []));
        Assert.Empty(plan.Placements);
        Assert.Empty(plan.Containers);
    }

    [Fact]
    public void CancelledSearchStillReturnsAValidPlan()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var request = Plans.One(new ContainerType(587, 233, 220), new ItemSpec("a", 108, 76, 30, 1, 40),
            new ItemSpec("b", 110, 43, 25, 1, 33), new ItemSpec("c", 92, 81, 55, 1, 39));
        var plan = Packer.Pack(request, new PackingOptions { TimeLimit = TimeSpan.FromMinutes(1) }, cts.Token);
        Assert.Empty(PlanValidator.Validate(request, plan));
        Assert.NotEmpty(plan.Placements);
    }

    [Fact]
    public void EqualSeedAndEffortGiveEqualPlans()
    {
        var request = Plans.One(new ContainerType(587, 233, 220), new ItemSpec("a", 108, 76, 30, 1, 40),
            new ItemSpec("b", 110, 43, 25, 1, 33), new ItemSpec("c", 92, 81, 55, 1, 39));
        var options = new PackingOptions { TimeLimit = TimeSpan.FromMinutes(1), MaxPasses = 4, Seed = 7 };
        var first = Plans.PackValid(request, options);
        var second = Plans.PackValid(request, options with { MaxDegreeOfParallelism = 1 });
        var third = Plans.PackValid(request, options with { Seed = 8 });
        Assert.True(third.Utilization > 0.8);
        Assert.Equal(first.Placements, second.Placements);
    }

    [Fact]
    public void ThousandBoxMultiDropShipmentIsValidAndOnTime()
    {
        var random = new Random(42);
        var items = Enumerable.Range(0, 20).Select(i => new ItemSpec($"SKU-{i}", random.Next(20, 61),
            random.Next(20, 61), random.Next(20, 61), random.Next(1, 30), 50)
        {
            AllowedVertical = i % 3 == 0 ? VerticalAxes.Height : VerticalAxes.Any,
            Fragile = i % 7 == 0,
            Stop = i % 4 == 0 ? null : i % 3 + 1,
        }).ToArray();
        var request = Plans.One(new ContainerType(1203, 235, 239, 26_000, Count: 2), items);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var plan = Plans.PackValid(request, new PackingOptions { TimeLimit = TimeSpan.FromSeconds(1) });
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
        Assert.Equal(1000, plan.Placements.Count + plan.Unplaced.Sum(u => u.Count));
        Assert.True(plan.Placements.Count > 500, $"{plan.Placements.Count} placed");
    }
}
