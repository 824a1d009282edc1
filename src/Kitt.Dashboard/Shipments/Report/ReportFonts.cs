using SkiaSharp;

namespace Kitt.Dashboard.Shipments.Report;

/// <summary>
/// The report's typefaces, DejaVu Sans regular and bold, built into the assembly: the runtime image has no fonts, and
/// the same glyphs on every machine keep the report's layout the same. Embedded in each PDF as a subset.
/// </summary>
internal static class ReportFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    private static SKTypeface Load(string file)
    {
        var name = $"{typeof(ReportFonts).Namespace}.Fonts.{file}";
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not built into the dashboard.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The font {name} cannot be read.");
    }
}
