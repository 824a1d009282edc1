using Kitt.Dashboard.Components.Shell;
using MudBlazor;
using MudBlazor.Utilities;

namespace Kitt.Dashboard.Tests.Components;

/// <summary>
/// Text on the theme's colours — filled buttons, chips, toasts — reads at WCAG AA (4.5:1) in both themes, computed
/// from the palette itself, so a toast is as readable as the page whenever it shows.
/// </summary>
public sealed class KittThemeContrastTests
{
    public static TheoryData<string, string> Pairs => new()
    {
        { "light", "primary" }, { "light", "secondary" }, { "light", "tertiary" }, { "light", "info" }, { "light", "success" }, { "light", "warning" }, { "light", "error" },
        { "dark", "primary" }, { "dark", "secondary" }, { "dark", "tertiary" }, { "dark", "info" }, { "dark", "success" }, { "dark", "warning" }, { "dark", "error" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Text_on_each_colour_reads_at_four_and_a_half_to_one(string theme, string colour)
    {
        Palette palette = theme == "light" ? KittTheme.Theme.PaletteLight : KittTheme.Theme.PaletteDark;
        var (background, text) = colour switch
        {
            "primary" => (palette.Primary, palette.PrimaryContrastText),
            "secondary" => (palette.Secondary, palette.SecondaryContrastText),
            "tertiary" => (palette.Tertiary, palette.TertiaryContrastText),
            "info" => (palette.Info, palette.InfoContrastText),
            "success" => (palette.Success, palette.SuccessContrastText),
            "warning" => (palette.Warning, palette.WarningContrastText),
            _ => (palette.Error, palette.ErrorContrastText),
        };

        var ratio = Contrast(background, text);
        Assert.True(ratio >= 4.5, $"{theme} {colour}: {background} with {text} is {ratio:0.00}:1");
    }

    private static double Contrast(MudColor a, MudColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    // WCAG 2 relative luminance of an sRGB colour.
    private static double Luminance(MudColor c)
    {
        static double Channel(byte v)
        {
            var s = v / 255.0;
            return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(c.R)) + (0.7152 * Channel(c.G)) + (0.0722 * Channel(c.B));
    }
}
