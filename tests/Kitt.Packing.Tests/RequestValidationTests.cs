namespace Kitt.Packing.Tests;

public class RequestValidationTests
{
    private static readonly ContainerType Box = new(100, 100, 100);

    private static FieldError OnlyError(PackingRequest request)
    {
        var e = Assert.Throws<PackingValidationException>(() => Packer.Pack(request));
        return Assert.Single(e.Errors);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void BadItemLengthIsNamed(double length)
    {
        var items = Enumerable.Range(0, 4).Select(i => new ItemSpec($"i{i}", 10, 10, 10)).ToArray();
        items[3] = items[3] with { Length = length };
        var error = OnlyError(new PackingRequest([Box], items));
        Assert.Equal("items[3].length", error.Field);
    }

    [Fact]
    public void EveryBadFieldIsListed()
    {
        var e = Assert.Throws<PackingValidationException>(() => Packer.Pack(new PackingRequest(
            [new ContainerType(0, 10, -1, MaxPayloadKg: double.NaN, Count: 0)],
            [new ItemSpec("", 10, double.NaN, 10, -1, 0) { AllowedVertical = VerticalAxes.None, MaxLoadKg = -2 }])));
        Assert.Equal(
            ["containers[0].length", "containers[0].height", "containers[0].maxPayloadKg", "containers[0].count",
             "items[0].id", "items[0].width", "items[0].weightKg", "items[0].quantity", "items[0].allowedVertical",
             "items[0].maxLoadKg"],
            e.Errors.Select(x => x.Field));
        Assert.Contains("items[0].width", e.Message);
    }

    [Fact]
    public void QuantityMustBePositive()
    {
        Assert.Equal("items[0].quantity", OnlyError(new PackingRequest([Box], [new ItemSpec("a", 1, 1, 1, 0, -3)])).Field);
    }

    [Fact]
    public void MoreThanOneHundredThousandBoxesIsRejected()
    {
        var error = OnlyError(new PackingRequest([Box],
            [new ItemSpec("a", 1, 1, 1, 0, 60_000), new ItemSpec("b", 1, 1, 1, 0, 40_001)]));
        Assert.Equal("items", error.Field);
        Assert.Contains("100001", error.Message);
    }

    [Fact]
    public void ExactlyOneHundredThousandBoxesIsAccepted()
    {
        Assert.Empty(RequestValidator.Check(new PackingRequest([Box], [new ItemSpec("a", 1, 1, 1, 0, 100_000)])));
    }

    [Fact]
    public void ContainersAreRequired()
    {
        Assert.Equal("containers", OnlyError(new PackingRequest([], [new ItemSpec("a", 1, 1, 1)])).Field);
    }

    [Fact]
    public void BadOptionsAreNamed()
    {
        var e = Assert.Throws<PackingValidationException>(() => Packer.Pack(
            new PackingRequest([Box], [new ItemSpec("a", 1, 1, 1)]),
            new PackingOptions { SupportFraction = 1.5, TimeLimit = TimeSpan.Zero }));
        Assert.Equal(["options.supportFraction", "options.timeLimit"], e.Errors.Select(x => x.Field));
    }
}
