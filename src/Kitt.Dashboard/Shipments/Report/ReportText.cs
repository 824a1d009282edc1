using SkiaSharp;

namespace Kitt.Dashboard.Shipments.Report;

/// <summary>The report's type sizes and the few things it does with text: measure, wrap, draw.</summary>
internal sealed class ReportText : IDisposable
{
    public ReportText()
    {
        Body = new SKFont(ReportFonts.Regular, 9);
        Strong = new SKFont(ReportFonts.Bold, 9);
        Heading = new SKFont(ReportFonts.Bold, 13);
        Title = new SKFont(ReportFonts.Bold, 22);
        Small = new SKFont(ReportFonts.Regular, 7.5f);
    }

    public SKFont Body { get; }

    public SKFont Strong { get; }

    public SKFont Heading { get; }

    public SKFont Title { get; }

    public SKFont Small { get; }

    public SKPaint Ink { get; } = new() { Color = new SKColor(0x20, 0x21, 0x24), IsAntialias = true };

    public SKPaint Muted { get; } = new() { Color = new SKColor(0x5f, 0x63, 0x68), IsAntialias = true };

    public SKPaint Rule { get; } = new() { Color = new SKColor(0xda, 0xdc, 0xe0), StrokeWidth = 0.75f, Style = SKPaintStyle.Stroke };

    /// <summary>The distance from one line's baseline to the next.</summary>
    public static float Leading(SKFont font) => font.Size * 1.35f;

    /// <summary>Breaks text at spaces into lines no wider than <paramref name="width"/>; a word too long stays whole.</summary>
    public static IReadOnlyList<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var tried = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(tried) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = tried;
            }
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Draws lines from the top at <paramref name="top"/>; the first baseline sits one font size down.</summary>
    public static void Lines(SKCanvas canvas, IReadOnlyList<string> lines, float x, float top, SKFont font, SKPaint paint)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            canvas.DrawText(lines[i], x, top + font.Size + i * Leading(font), SKTextAlign.Left, font, paint);
        }
    }

    public void Dispose()
    {
        foreach (var disposable in new IDisposable[] { Body, Strong, Heading, Title, Small, Ink, Muted, Rule })
        {
            disposable.Dispose();
        }
    }
}
