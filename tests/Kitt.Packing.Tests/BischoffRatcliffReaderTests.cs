using Kitt.Testing;
using Kitt.Packing.Benchmarks;

namespace Kitt.Packing.Tests;

public class BischoffRatcliffReaderTests
{
    private const string Sample = """
         2
         1 2502505
         587 233 220
         3
         1 108 0 76 0 30 1 40
         2 110 0 43 1 25 1 33
         3 92 1 81 1 55 1 39
         2 2502605
         587 233 220
         1
         1 49 0 25 1 21 1 41
        """;

    [Fact]
    public void ReadsInstancesTypesFlagsAndQuantities()
    {
        var instances = BischoffRatcliffReader.Parse(Sample);
        Assert.Equal(2, instances.Count);
        var first = instances[0];
        Assert.Equal((1, 2502505L, 587, 233, 220), (first.Number, first.Seed, first.Length, first.Width, first.Height));
        Assert.Equal(3, first.Types.Count);
        Assert.Equal([110, 43, 25], first.Types[1].Dims);
        Assert.Equal([false, true, true], first.Types[1].MayStandVertical);
        Assert.Equal(33, first.Types[1].Quantity);
        Assert.Single(instances[1].Types);
    }

    [Fact]
    public void FlagsBecomeAllowedVerticalAxes()
    {
        var request = BischoffRatcliffReader.Parse(Sample)[0].ToRequest();
        Assert.Equal(VerticalAxes.Height, request.Items[0].AllowedVertical);
        Assert.Equal(VerticalAxes.Width | VerticalAxes.Height, request.Items[1].AllowedVertical);
        Assert.Equal(VerticalAxes.Any, request.Items[2].AllowedVertical);
        Assert.Equal(new ContainerType(587, 233, 220), Assert.Single(request.Containers));
    }

    [Fact]
    public void TruncatedFileSaysWhatIsMissing()
    {
        var e = Assert.Throws<FormatException>(() => BischoffRatcliffReader.Parse(" 1\n 1 5\n 10 10"));
        Assert.Contains("container height", e.Message);
    }

    [Fact]
    public void PackedInstancesHonourTheFlags()
    {
        var instance = BischoffRatcliffReader.Parse(Sample)[0];
        // Passes, not the clock, bound the search: a loaded machine gets the same plan.
        var plan = Plans.PackValid(instance.ToRequest(), new PackingOptions { TimeLimit = TimeSpan.FromMinutes(1), MaxPasses = 3 });
        Assert.True(plan.Utilization > 0.85, $"utilisation {plan.Utilization:P2}");
        // Type 1 may only stand on its 30 cm side.
        Assert.All(plan.Placements.Where(p => p.ItemIndex == 0), p => Assert.Equal(30, p.Dz, 9));
    }

    [Theory]
    [InlineData("BR1.txt")]
    [InlineData("BR7.txt")]
    public void ReadsTheSharedBenchmarkFiles(string name)
    {
        var path = Path.Combine(BenchmarkFolder(), name);
        Assert.True(File.Exists(path), $"{path} is missing: the benchmark instances live in ../shared/data/br beside the repository");
        var instances = BischoffRatcliffReader.Load(path);
        Assert.Equal(100, instances.Count);
        Assert.All(instances, i => Assert.Equal((587, 233, 220), (i.Length, i.Width, i.Height)));
    }

    /// <summary>The Bischoff &amp; Ratcliff instances sit in <c>../shared/data/br</c> beside the repository root.</summary>
    private static string BenchmarkFolder() => RepoRoot.Combine("..", "shared", "data", "br");
}
