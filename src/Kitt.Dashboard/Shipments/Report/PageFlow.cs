using SkiaSharp;

namespace Kitt.Dashboard.Shipments.Report;

/// <summary>
/// Lays blocks of known height down A4 pages, top to bottom, then draws them: laid out first so every page can say
/// how many pages there are. A block may ask for room after it, so a heading never ends a page alone.
/// </summary>
internal sealed class PageFlow
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Margin = 40f;
    public const float ContentWidth = PageWidth - 2 * Margin;
    public const float Top = Margin + 22f;
    public const float Bottom = PageHeight - Margin - 16f;

    private readonly List<List<(float Y, Block Block)>> pages = [[]];
    private float y = Top;

    public sealed record Block(float Height, Action<SKCanvas, float> Draw);

    public int Pages => pages.Count;

    /// <summary>Places a block, on a new page unless it and the <paramref name="keep"/> points after it fit on this one.</summary>
    public void Add(float height, Action<SKCanvas, float> draw, float keep = 0)
    {
        if (y + height + keep > Bottom && pages[^1].Count > 0)
        {
            NewPage();
        }

        pages[^1].Add((y, new Block(height, draw)));
        y += height;
    }

    public void Space(float height) => y = Math.Min(Bottom, y + height);

    public void NewPage()
    {
        if (pages[^1].Count > 0)
        {
            pages.Add([]);
        }

        y = Top;
    }

    /// <summary>Draws every page: <paramref name="chrome"/> gets the page's number (from 1) and the page count.</summary>
    public void Render(SKDocument document, Action<SKCanvas, int, int> chrome, CancellationToken cancellationToken)
    {
        for (var p = 0; p < pages.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var canvas = document.BeginPage(PageWidth, PageHeight);
            chrome(canvas, p + 1, pages.Count);
            foreach (var (top, block) in pages[p])
            {
                block.Draw(canvas, top);
            }

            document.EndPage();
        }
    }
}
