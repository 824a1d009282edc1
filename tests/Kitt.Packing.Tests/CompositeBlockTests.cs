using Kitt.Packing.Engine;

namespace Kitt.Packing.Tests;

/// <summary>Composite blocks join two blocks only where the result is still a block: nearly full, with a top that is
/// a floor, and never more boxes than there are.</summary>
public class CompositeBlockTests
{
    private static readonly Size3 Room = new(1000, 1000, 1000);

    private static Block Simple(int kind, int x, int y, int z, int count = 1) =>
        new(kind, new Size3(x, y, z), count, 1, 1, 1, noLoadOnTop: false);

    [Fact]
    public void EquallyHighBlocksJoinSideBySideWithTheirCommonTopAsFloor()
    {
        var joined = Block.Combine(Simple(0, 60, 40, 30), Simple(1, 50, 39, 30), axis: 0, Room);

        Assert.NotNull(joined);
        Assert.Equal(new Size3(110, 40, 30), joined.Size);
        Assert.Equal(new Face(110, 39), joined.Top); // the second is a little shallower: the floor is what both reach
        Assert.Equal([(0, 1), (1, 1)], joined.Needs);
        Assert.Equal(60 * 40 * 30 + 50 * 39 * 30, joined.Volume);
        Assert.Equal(new Size3(60, 0, 0), joined.Parts[1].At);
    }

    [Fact]
    public void BlocksOfDifferentHeightsDoNotJoinSideBySide()
    {
        Assert.Null(Block.Combine(Simple(0, 60, 40, 30), Simple(1, 50, 40, 29), axis: 0, Room));
        Assert.Null(Block.Combine(Simple(0, 60, 40, 30), Simple(1, 60, 40, 31), axis: 1, Room));
    }

    [Fact]
    public void AnUpperBlockJoinsOnlyWhereTheLowersTopHoldsIt()
    {
        var lower = Simple(0, 100, 50, 20);
        Assert.Null(Block.Combine(lower, Simple(1, 101, 50, 20), axis: 2, Room)); // overhangs
        Assert.Null(Block.Combine(lower, Simple(1, 60, 50, 20), axis: 2, Room)); // leaves 40 % of the top bare

        var stacked = Block.Combine(lower, Simple(1, 98, 50, 20), axis: 2, Room);
        Assert.NotNull(stacked);
        Assert.Equal(new Size3(100, 50, 40), stacked.Size);
        Assert.Equal(new Face(98, 50), stacked.Top);
        Assert.Equal(new Size3(0, 0, 20), stacked.Parts[1].At);
    }

    [Fact]
    public void CompositesFitTheRoomAndTheBoxesThereAre()
    {
        Assert.Null(Block.Combine(Simple(0, 600, 40, 30), Simple(1, 500, 40, 30), axis: 0, new Size3(1000, 100, 100)));

        // Kind 0 has three boxes: a row of two may join one box of it turned, never another row of two; kind 1 has two.
        var row = new Block(0, new Size3(50, 48, 30), 2, 1, 1, 1, noLoadOnTop: false);
        var turned = Simple(0, 48, 50, 30);
        var simple = new List<Block> { row, turned, new(1, new Size3(50, 48, 30), 2, 1, 1, 1, noLoadOnTop: false) };
        var composites = CompositeBlocks.Join(simple, available: [3, 2], Room);

        Assert.NotEmpty(composites);
        Assert.All(composites, c => Assert.All(c.Needs, n => Assert.True(n.Count <= (n.Kind == 0 ? 3 : 2), $"{c.Size}: {n}")));
        Assert.Contains(composites, c => c.Needs.SequenceEqual([(0, 3)]) && c.Size == new Size3(148, 50, 30));
        // Alike boxes in one orientation are a simple block already: no composite repeats one.
        Assert.DoesNotContain(composites, c => c.Parts.All(p => p.Block.Kind == 0 && p.Block.Box == row.Box));
    }

    [Fact]
    public void BlocksThatMayNotBeLoadedOnOrMustStandOnTheFloorAreNeverJoined()
    {
        var fragile = new Block(0, new Size3(50, 40, 30), 1, 1, 1, 1, noLoadOnTop: true);
        var floorOnly = new Block(1, new Size3(50, 40, 30), 1, 1, 1, 1, noLoadOnTop: false, floorOnly: true);
        var plain = Simple(2, 50, 40, 30);

        Assert.Null(Block.Combine(fragile, plain, axis: 0, Room));
        Assert.Null(Block.Combine(plain, floorOnly, axis: 1, Room));
        Assert.Empty(CompositeBlocks.Join([fragile, floorOnly], available: [5, 5, 5], Room));
    }
}
