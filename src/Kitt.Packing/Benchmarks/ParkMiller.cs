namespace Kitt.Packing.Benchmarks;

/// <summary>
/// The "minimal standard" generator of Park and Miller: s ← 16807 · s mod (2³¹ − 1). Bischoff and Ratcliff drew their
/// instances with it, so the same seed gives the same instance as their published files.
/// </summary>
public sealed class ParkMiller
{
    public const long Modulus = 2_147_483_647;
    private const long Multiplier = 16_807;
    private long state;

    /// <param name="seed">Taken modulo 2³¹ − 1; a multiple of the modulus (zero) would stay zero for ever.</param>
    public ParkMiller(long seed)
    {
        var s = (seed % Modulus + Modulus) % Modulus;
        if (s == 0) throw new ArgumentOutOfRangeException(nameof(seed), seed, "must not be 0 modulo 2^31 - 1");
        state = s;
    }

    /// <summary>The next state, 1 .. 2³¹ − 2.</summary>
    public long Next() => state = Multiplier * state % Modulus;

    /// <summary>The next state over the modulus: in (0, 1).</summary>
    public double NextDouble() => Next() / (double)Modulus;

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>], as the generator's paper draws sides.</summary>
    public int Between(int low, int high) => low + (int)(NextDouble() * (high - low + 1));
}
