using SkiaSharp;

namespace Kitt.Dashboard.Shipments.Report;

/// <summary>
/// Pictures of a plan drawn on the server, as the browser's 3D view draws it: each loading step with its boxes in
/// colour and outlined, the boxes loaded before it muted and those after it left out; or a container as loaded.
/// </summary>
public static class StepPictures
{
    public const int DefaultWidth = 960;
    public const int DefaultHeight = 600;

    /// <summary>A step's picture as PNG, from the browser's default view; null when the plan has no such step.</summary>
    public static byte[]? Png(LoadingSequence sequence, int step, int width = DefaultWidth, int height = DefaultHeight)
    {
        if (step < 1 || step > sequence.Steps.Count)
        {
            return null;
        }

        var scenes = new Scenes(sequence, ViewAngle.DoorLeft, width, height);
        using var image = scenes.Step(step - 1);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// A plan's scenes from one angle, one per container, each worked out once and then drawn for any of its steps.
    /// </summary>
    internal sealed class Scenes(LoadingSequence sequence, ViewAngle angle, int width, int height)
    {
        private readonly Dictionary<int, (PlanScene Scene, int First)> byContainer = [];

        /// <summary>Step <paramref name="index"/> (from 0) in its container.</summary>
        public SKImage Step(int index)
        {
            var step = sequence.Steps[index];
            var (scene, first) = SceneOf(step.Container);
            var end = sequence.Ends[index] - first;
            return Render(scene, end, end - step.Count);
        }

        /// <summary>A container with everything loaded into it.</summary>
        public SKImage Loaded(int container)
        {
            var (scene, _) = SceneOf(container);
            return Render(scene, int.MaxValue, int.MaxValue);
        }

        private (PlanScene, int) SceneOf(int container)
        {
            lock (byContainer)
            {
                if (!byContainer.TryGetValue(container, out var found))
                {
                    // Steps, and so the plan's boxes, come container by container in load order.
                    var placements = sequence.Plan.Placements;
                    var first = 0;
                    while (first < placements.Count && placements[first].Container != container)
                    {
                        first++;
                    }

                    var boxes = placements.Skip(first).TakeWhile(p => p.Container == container).ToList();
                    found = (new PlanScene(sequence.Plan.Container, boxes, angle, width, height), first);
                    byContainer[container] = found;
                }

                return found;
            }
        }

        private static SKImage Render(PlanScene scene, int loaded, int highlightFrom)
        {
            using var surface = SKSurface.Create(new SKImageInfo(scene.Width, scene.Height, SKColorType.Rgba8888, SKAlphaType.Opaque))
                ?? throw new InvalidOperationException("A picture surface cannot be made.");
            scene.Draw(surface.Canvas, loaded, highlightFrom);
            return surface.Snapshot();
        }
    }
}
