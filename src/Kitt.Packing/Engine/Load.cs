namespace Kitt.Packing.Engine;

/// <summary>What one container holds so far: its boxes in load order and the blocks they came in.</summary>
internal sealed class Load(int container)
{
    public List<PlacedBox> Boxes { get; } = [];
    public List<LoadedBlock> Blocks { get; } = [];
    public double Weight { get; private set; }

    /// <summary>Adds a search's blocks after everything loaded so far and takes their boxes off what remains.</summary>
    public void Add(PackState state, Block[] blocks, int[] remaining)
    {
        foreach (var pb in state.Placed)
        {
            var b = blocks[pb.Block];
            Blocks.Add(LoadedBlock.Of(pb, b));
            for (var iz = 0; iz < b.Nz; iz++)
            for (var iy = 0; iy < b.Ny; iy++)
            for (var ix = 0; ix < b.Nx; ix++)
                Boxes.Add(new PlacedBox(b.Kind, container,
                    pb.X + ix * b.Box.X, pb.Y + iy * b.Box.Y, pb.Z + iz * b.Box.Z, b.Box));
            remaining[b.Kind] -= b.Count;
            Weight += b.Weight;
        }
    }
}
