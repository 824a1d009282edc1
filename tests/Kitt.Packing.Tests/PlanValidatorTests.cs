namespace Kitt.Packing.Tests;

/// <summary>The validator must catch each kind of broken plan, or a green property test proves nothing.</summary>
public class PlanValidatorTests
{
    // A window as wide as the container: these plans are about other rules than balance.
    private static readonly ContainerType Container = new(100, 100, 100, MaxPayloadKg: 50) { Balance = new(50, 50) };

    private static Placement At(int item, double x, double y, double z, double dx = 10, double dy = 10, double dz = 10,
        int sequence = 1, double support = 1) =>
        new(item, $"i{item}", 0, x, y, z, dx, dy, dz, sequence, support);

    private static IReadOnlyList<string> Check(ItemSpec[] items, params Placement[] placements)
    {
        var request = new PackingRequest([Container], items);
        var plan = new PackingResult(placements, [], [LoadOf(items, placements)], TimeSpan.Zero);
        return PlanValidator.Validate(request, plan);
    }

    /// <summary>The container's figures as a correct packer reports them.</summary>
    private static ContainerLoad LoadOf(ItemSpec[] items, Placement[] placements, ContainerType? type = null)
    {
        type ??= Container;
        var weight = placements.Sum(p => items[p.ItemIndex].WeightKg);
        var volume = placements.Sum(p => p.Dx * p.Dy * p.Dz) / (type.Length * type.Width * type.Height);
        var centre = weight <= 0 ? default : new Point3(
            placements.Sum(p => items[p.ItemIndex].WeightKg * (p.X + p.Dx / 2)) / weight,
            placements.Sum(p => items[p.ItemIndex].WeightKg * (p.Y + p.Dy / 2)) / weight,
            placements.Sum(p => items[p.ItemIndex].WeightKg * (p.Z + p.Dz / 2)) / weight);
        return new ContainerLoad(0, 0, placements.Length, volume, weight, centre);
    }

    private static ItemSpec Cube(int quantity = 2, double kg = 1) => new("cube", 10, 10, 10, kg, quantity);

    [Fact]
    public void AcceptsAStack()
    {
        Assert.Empty(Check([Cube()], At(0, 0, 0, 0), At(0, 0, 0, 10, sequence: 2)));
    }

    [Fact]
    public void CatchesOverlap()
    {
        Assert.Contains(Check([Cube()], At(0, 0, 0, 0), At(0, 5, 5, 0, sequence: 2)), v => v.Contains("overlaps"));
    }

    [Fact]
    public void CatchesLeavingTheContainer()
    {
        Assert.Contains(Check([Cube(1)], At(0, 95, 0, 0)), v => v.Contains("leaves the container"));
    }

    [Fact]
    public void CatchesFloatingAndHalfSupportedBoxes()
    {
        Assert.Contains(Check([Cube(1)], At(0, 0, 0, 5, support: 1)), v => v.Contains("supported"));
        var half = Check([Cube()], At(0, 0, 0, 0), At(0, 5, 0, 10, sequence: 2, support: 0.5));
        Assert.Contains(half, v => v.Contains("50.0% of its base supported"));
        var request = new PackingRequest([Container], [Cube()]);
        Placement[] halfOn = [At(0, 0, 0, 0), At(0, 5, 0, 10, sequence: 2, support: 0.5)];
        var plan = new PackingResult(halfOn, [], [LoadOf([Cube()], halfOn)], TimeSpan.Zero);
        Assert.Empty(PlanValidator.Validate(request, plan, supportFraction: 0.5));
    }

    [Fact]
    public void CatchesForbiddenOrientation()
    {
        var upright = new ItemSpec("tv", 10, 20, 30, 1, 1) { AllowedVertical = VerticalAxes.Height };
        Assert.Empty(Check([upright], At(0, 0, 0, 0, 20, 10, 30)));
        Assert.Contains(Check([upright], At(0, 0, 0, 0, 30, 10, 20)), v => v.Contains("not an allowed orientation"));
        Assert.Contains(Check([upright], At(0, 0, 0, 0, 10, 10, 30)), v => v.Contains("not an allowed orientation"));
    }

    [Fact]
    public void CatchesALiftedFloorOnlyBox()
    {
        var machine = new ItemSpec("press", 10, 10, 10, 1, 1) { FloorOnly = true };
        Assert.Empty(Check([machine, Cube(1)], At(0, 0, 0, 0), At(1, 0, 0, 10, sequence: 2)));
        Assert.Contains(Check([Cube(1), machine], At(0, 0, 0, 0), At(1, 0, 0, 10, sequence: 2)), v => v.Contains("is floor-only but stands at z = 10"));
    }

    [Fact]
    public void CatchesOverweight()
    {
        Assert.Contains(Check([Cube(2, 30)], At(0, 0, 0, 0), At(0, 10, 0, 0, sequence: 2)), v => v.Contains("payload"));
    }

    [Fact]
    public void CatchesLoadOnFragileBoxesThroughOtherBoxes()
    {
        var glass = new ItemSpec("glass", 10, 10, 10, 1, 1) { MaxLoadKg = 3 };
        Assert.Empty(Check([glass, Cube(2, 1.5)], At(0, 0, 0, 0), At(1, 0, 0, 10, sequence: 2), At(1, 0, 0, 20, sequence: 3)));
        Assert.Contains(Check([glass, Cube(2, 2)], At(0, 0, 0, 0), At(1, 0, 0, 10, sequence: 2), At(1, 0, 0, 20, sequence: 3)),
            v => v.Contains("carries 4.00 kg"));
        var fragile = new ItemSpec("egg", 10, 10, 10, 1, 1) { Fragile = true };
        Assert.Contains(Check([fragile, Cube(1, 0.1)], At(0, 0, 0, 0), At(1, 0, 0, 10, sequence: 2)), v => v.Contains("limit 0.00"));
    }

    [Fact]
    public void CatchesLaterStopsBlockingEarlierOnes()
    {
        var early = new ItemSpec("early", 10, 10, 10, 1, 1) { Stop = 1 };
        var late = new ItemSpec("late", 10, 10, 10, 1, 1) { Stop = 2 };
        Assert.Empty(Check([early, late], At(1, 0, 0, 0), At(0, 10, 0, 0, sequence: 2)));
        Assert.Contains(Check([early, late], At(0, 0, 0, 0), At(1, 50, 0, 0, sequence: 2)), v => v.Contains("from the door"));
        Assert.Contains(Check([early, late], At(0, 0, 0, 0), At(1, 0, 0, 10, sequence: 2)), v => v.Contains("on top of"));
    }

    [Fact]
    public void CatchesLostBoxesAndBadSequences()
    {
        Assert.Contains(Check([Cube(3)], At(0, 0, 0, 0), At(0, 10, 0, 0, sequence: 2)), v => v.Contains("!= quantity 3"));
        Assert.Contains(Check([Cube()], At(0, 0, 0, 0, sequence: 2), At(0, 0, 0, 10, sequence: 1)),
            v => v.Contains("which it rests on"));
    }

    [Fact]
    public void CatchesAnUnbalancedLoadThePlanDoesNotOwnUpTo()
    {
        var type = new ContainerType(100, 100, 100) { Balance = new(10, 5) };
        var request = new PackingRequest([type], [Cube(1, kg: 10)]);
        Placement[] atTheFront = [At(0, 0, 45, 0)];
        var load = LoadOf(request.Items.ToArray(), atTheFront, type);
        Assert.Contains(PlanValidator.Validate(request, new([.. atTheFront], [], [load], TimeSpan.Zero)), v => v.Contains("does not say so"));
        var owned = load with { BalanceProblems = ["centre of gravity 45 % of the length from the middle toward the back wall"] };
        Assert.Empty(PlanValidator.Validate(request, new([.. atTheFront], [], [owned], TimeSpan.Zero)));

        Placement[] centred = [At(0, 45, 45, 0)];
        var balanced = LoadOf(request.Items.ToArray(), centred, type);
        Assert.Empty(PlanValidator.Validate(request, new([.. centred], [], [balanced], TimeSpan.Zero)));
        Assert.Contains(PlanValidator.Validate(request, new([.. centred], [], [balanced with { BalanceProblems = ["off"] }], TimeSpan.Zero)),
            v => v.Contains("does not have"));
        Assert.Contains(PlanValidator.Validate(request, new([.. centred], [], [balanced with { CenterOfGravity = new(10, 50, 5) }], TimeSpan.Zero)),
            v => v.Contains("reports its centre of gravity"));
    }

    [Fact]
    public void CatchesAxleLoadsThatAreNotTheLevers_or_over_their_limit()
    {
        // Groups at 0 and 100 cm: a 10 kg box centred at 50 puts 5 kg on each.
        var type = new ContainerType(100, 100, 100) { Balance = new(50, 50), Axles = [new(0, 6), new(100, 6)] };
        var request = new PackingRequest([type], [Cube(1, kg: 10)]);
        Placement[] centred = [At(0, 45, 45, 0)];
        var load = LoadOf(request.Items.ToArray(), centred, type) with { AxleLoads = [new(0, 5, 6), new(100, 5, 6)] };
        Assert.Empty(PlanValidator.Validate(request, new([.. centred], [], [load], TimeSpan.Zero)));
        Assert.Contains(PlanValidator.Validate(request, new([.. centred], [], [load with { AxleLoads = [new(0, 2, 6), new(100, 8, 6)] }], TimeSpan.Zero)),
            v => v.Contains("the lever gives"));

        // At x = 80 the rear group takes 8 kg, over its 6.
        Placement[] back = [At(0, 75, 45, 0)];
        var heavy = LoadOf(request.Items.ToArray(), back, type) with { AxleLoads = [new(0, 2, 6), new(100, 8, 6)] };
        Assert.Contains(PlanValidator.Validate(request, new([.. back], [], [heavy], TimeSpan.Zero)), v => v.Contains("does not say so"));
    }
}
