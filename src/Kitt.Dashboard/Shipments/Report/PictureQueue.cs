using SkiaSharp;

namespace Kitt.Dashboard.Shipments.Report;

/// <summary>
/// The report's pictures, drawn and JPEG-encoded on all cores a few ahead of the page being written, and taken in
/// order. The PDF embeds JPEG data as it is, where it would compress raw pixels itself, one picture at a time; a
/// window of pictures in flight keeps memory flat however many steps the plan has.
/// </summary>
internal sealed class PictureQueue : IDisposable
{
    // Quality for flat-shaded drawings: edges stay clean and a step picture is tens of kilobytes.
    private const int JpegQuality = 92;

    private readonly List<Func<SKImage>> jobs = [];
    private readonly int window = Math.Max(2, Environment.ProcessorCount * 2);
    private Task<SKData>?[] pending = [];

    /// <summary>Adds a picture to draw; its number is the order it is taken in.</summary>
    public int Add(Func<SKImage> draw)
    {
        jobs.Add(draw);
        return jobs.Count - 1;
    }

    /// <summary>Takes picture <paramref name="index"/>, waiting for it if it is still being drawn.</summary>
    public SKImage Take(int index)
    {
        if (pending.Length != jobs.Count)
        {
            pending = new Task<SKData>?[jobs.Count];
            for (var i = 0; i < Math.Min(window, jobs.Count); i++)
            {
                pending[i] = Start(i);
            }
        }

        if (index + window < jobs.Count && pending[index + window] is null)
        {
            pending[index + window] = Start(index + window);
        }

        var task = pending[index] ?? Start(index);
        pending[index] = null;
        using var data = task.GetAwaiter().GetResult();
        return SKImage.FromEncodedData(data) ?? throw new InvalidOperationException($"Picture {index} cannot be read back.");
    }

    private Task<SKData> Start(int index) => Task.Run(() =>
    {
        using var image = jobs[index]();
        return image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
    });

    // A report given up half way (its request closed) leaves no native memory behind: pictures still being drawn are
    // released when they are done.
    public void Dispose()
    {
        foreach (var task in pending)
        {
            task?.ContinueWith(t => t.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
        }
    }
}
