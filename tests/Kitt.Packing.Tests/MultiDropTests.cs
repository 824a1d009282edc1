using Kitt.Packing.Benchmarks;

namespace Kitt.Packing.Tests;

/// <summary>Multi-drop loads keep every stop reachable without giving up the room a single drop would use.</summary>
public class MultiDropTests
{
    [Fact]
    public void EarlierStopsRideOnTopOfLaterOnes()
    {
        // Two flat pallets for the last stop cover the floor; the first stop's crate can only go on top of them.
        var plan = Plans.PackValid(Plans.One(new ContainerType(100, 100, 100),
            new ItemSpec("crate", 100, 100, 60, 1, 1) { Stop = 1, AllowedVertical = VerticalAxes.Height },
            new ItemSpec("pallet", 100, 100, 20, 1, 2) { Stop = 2, AllowedVertical = VerticalAxes.Height }));
        Assert.Empty(plan.Unplaced);
        var crate = Assert.Single(plan.Placements, p => p.ItemIndex == 0);
        Assert.Equal(40, crate.Z, 6);
    }

    [Fact]
    public void LaterStopsFillTheGapsBesideEarlierOnesRatherThanStartingANewWall()
    {
        // The last stop's three cubes leave a quarter of the back wall open; the first stop's cube takes it.
        var plan = Plans.PackValid(Plans.One(new ContainerType(50, 100, 100),
            new ItemSpec("first", 50, 50, 50, 1, 1) { Stop = 1 },
            new ItemSpec("last", 50, 50, 50, 1, 3) { Stop = 2 }));
        Assert.Empty(plan.Unplaced);
    }

    [Theory]
    [InlineData(2, 31_337_001)]
    [InlineData(5, 31_337_101)]
    [InlineData(8, 31_337_201)]
    [InlineData(60, 31_337_301)] // many types: composite blocks among the stops
    public void ThreeStopsPackNearlyAsFullAsOneDrop(int types, long seed)
    {
        // Passes, not the clock, end the search, so the figures are the same on any machine.
        var options = new PackingOptions { TimeLimit = TimeSpan.FromMinutes(5), MaxPasses = 3 };
        var oneDrop = BischoffRatcliffGenerator.Generate(types, seed).ToRequest();
        var threeStops = oneDrop with { Items = oneDrop.Items.Select((item, i) => item with { Stop = 1 + i % 3 }).ToList() };

        var single = Plans.PackValid(oneDrop, options).Containers[0].Utilization;
        var staged = Plans.PackValid(threeStops, options).Containers[0].Utilization;

        Assert.True(staged >= 0.9 * single, $"three stops {staged:P1} against one drop {single:P1}");
    }
}
