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
            var block = blocks[pb.Block];
            // A composite's parts are loaded as the simple blocks they are, each with its own full top.
            foreach (var (b, at) in block.Parts)
            {
                var part = new PlacedBlock(pb.Block, pb.X + at.X, pb.Y + at.Y, pb.Z + at.Z);
                Blocks.Add(LoadedBlock.Of(part, b));
                for (var iz = 0; iz < b.Nz; iz++)
                for (var iy = 0; iy < b.Ny; iy++)
                for (var ix = 0; ix < b.Nx; ix++)
                    Boxes.Add(new PlacedBox(b.Kind, container,
                        part.X + ix * b.Box.X, part.Y + iy * b.Box.Y, part.Z + iz * b.Box.Z, b.Box));
                remaining[b.Kind] -= b.Count;
            }
            Weight += block.Weight;
        }
    }
}
