namespace Kitt.Packing;

/// <summary>How hard and how the packer searches.</summary>
public sealed record PackingOptions
{
    /// <summary>Least fraction of a box's base that must rest on the floor or on boxes directly below (0..1].
    /// The packer builds fully supported plans, so any value is met.</summary>
    public double SupportFraction { get; init; } = 1.0;

    /// <summary>Time budget for the whole request; the best plan found by then is returned.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Seed for the search's tie-breaking; equal seeds and equal effort give equal plans.</summary>
    public int Seed { get; init; }

    /// <summary>Threads the search may use. With two, two searches with different space rules run side by side
    /// and the fuller plan wins; with one they share the time; more are split between them. Plans do not depend
    /// on it when <see cref="MaxPasses"/> bounds the effort.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Math.Min(2, Environment.ProcessorCount);

    /// <summary>Most search passes after the first greedy one, each wider than the last; bounds the effort so that
    /// results repeat exactly whatever the machine's speed when the time limit is not reached first. Null lets the
    /// time limit alone decide.</summary>
    public int? MaxPasses { get; init; }
}
