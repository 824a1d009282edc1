namespace Kitt.Packing.Tests;

/// <summary>The validator must catch each kind of broken plan, or a green property test proves nothing.</summary>
public class PlanValidatorTests
{
    private static readonly ContainerType Container = new(100, 100, 100, MaxPayloadKg: 50);

    private static Placement At(int item, double x, double y, double z, double dx = 10, double dy = 10, double dz = 10,
        int sequence = 1, double support = 1) =>
        new(item, $"i{item}", 0, x, y, z, dx, dy, dz, sequence, support);

    private static IReadOnlyList<string> Check(ItemSpec[] items, params Placement[] placements)
    {
        var request = new PackingRequest([Container], items);
        var weight = placements.Sum(p => items[p.ItemIndex].WeightKg);
        var volume = placements.Sum(p => p.Dx * p.Dy * p.Dz) / 1e6;
        var plan = new PackingResult(placements, [], [new ContainerLoad(0, 0, placements.Length, volume, weight, default)],
            TimeSpan.Zero);
        return PlanValidator.Validate(request, plan);
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
        var plan = new PackingResult([At(0, 0, 0, 0), At(0, 5, 0, 10, sequence: 2, support: 0.5)], [],
            [new ContainerLoad(0, 0, 2, 0.002, 2, default)], TimeSpan.Zero);
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
}
