using Kitt.Packing.Benchmarks;
using Kitt.Testing;

namespace Kitt.Packing.Tests;

/// <summary>The generator makes the published instances from their seeds, so the classes it adds are drawn the same way.</summary>
public sealed class BischoffRatcliffGeneratorTests
{
    [Fact]
    public void Park_Miller_gives_the_minimal_standard_sequence()
    {
        var random = new ParkMiller(7);
        Assert.Equal([117_649L, 1_977_326_743L, 621_132_276L, 452_154_665L, 1_566_311_569L], Enumerable.Range(0, 5).Select(_ => random.Next()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParkMiller(ParkMiller.Modulus));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Every_published_instance_of_a_class_is_made_again_from_its_seed(int brClass)
    {
        var published = BischoffRatcliffReader.Load(RepoRoot.Combine("..", "shared", "data", "br", $"BR{brClass}.txt"));
        Assert.Equal(100, published.Count);
        foreach (var instance in published)
        {
            Assert.Equal(BischoffRatcliffGenerator.PublishedSeed(instance.Number), instance.Seed);
            var made = BischoffRatcliffGenerator.OfClass(brClass, instance.Seed, instance.Number);
            Assert.Equal((instance.Length, instance.Width, instance.Height), (made.Length, made.Width, made.Height));
            Assert.Equal(instance.Types.Count, made.Types.Count);
            for (var t = 0; t < instance.Types.Count; t++)
            {
                var (want, got) = (instance.Types[t], made.Types[t]);
                Assert.True(want.Dims.SequenceEqual(got.Dims) && want.MayStandVertical.SequenceEqual(got.MayStandVertical) && want.Quantity == got.Quantity,
                    $"BR{brClass} #{instance.Number} type {t + 1}: file {string.Join(" ", want.Dims)} x{want.Quantity}, made {string.Join(" ", got.Dims)} x{got.Quantity}");
            }
        }
    }

    [Fact]
    public void Heterogeneous_classes_have_as_many_types_as_listed_and_about_fill_the_container()
    {
        for (var brClass = 8; brClass <= 15; brClass++)
        {
            var instance = BischoffRatcliffGenerator.OfClass(brClass, 9_000_001 + brClass);
            Assert.Equal(BischoffRatcliffGenerator.TypesByClass[brClass], instance.Types.Count);
            var volume = instance.Types.Sum(t => (long)t.Dims[0] * t.Dims[1] * t.Dims[2] * t.Quantity);
            Assert.InRange(volume / (587.0 * 233 * 220), 0.95, 1.0);
            Assert.All(instance.Types, t => Assert.True(t.MayStandVertical[2]));
        }
    }
}
