namespace Kitt.Packing;

/// <summary>The engine works on a whole-millimetre grid so that geometry is exact.</summary>
internal static class Units
{
    public const int PerCm = 10;
    public const double MinimumCm = 1.0 / PerCm;

    // Keeps grid volumes (mm³) well inside a long.
    public const double MaximumCm = 100_000;

    /// <summary>Boxes round to the nearest millimetre.</summary>
    public static int ToGrid(double cm) => Math.Max(1, (int)Math.Round(cm * PerCm, MidpointRounding.AwayFromZero));

    /// <summary>Containers round down, so a plan on the grid always fits the real container.</summary>
    public static int ToGridFloor(double cm) => Math.Max(1, (int)Math.Floor(cm * PerCm + 1e-9));

    public static double ToCm(long grid) => (double)grid / PerCm;
}
