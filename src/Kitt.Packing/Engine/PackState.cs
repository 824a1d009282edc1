namespace Kitt.Packing.Engine;

/// <summary>A block and the grid position of its minimum corner within the region.</summary>
internal readonly record struct PlacedBlock(int Block, int X, int Y, int Z);

/// <summary>A partial plan for one region: free spaces, boxes left and blocks placed so far.</summary>
internal sealed class PackState
{
    public PackState(List<Space> spaces, int[] remaining)
    {
        Spaces = spaces;
        Remaining = remaining;
        Placed = [];
    }

    private PackState(PackState other)
    {
        Spaces = new List<Space>(other.Spaces);
        Remaining = (int[])other.Remaining.Clone();
        Placed = new List<PlacedBlock>(other.Placed);
        Volume = other.Volume;
        Weight = other.Weight;
    }

    public List<Space> Spaces { get; }
    public int[] Remaining { get; }
    public List<PlacedBlock> Placed { get; }
    public long Volume { get; set; }
    public double Weight { get; set; }

    public PackState Clone() => new(this);
}
