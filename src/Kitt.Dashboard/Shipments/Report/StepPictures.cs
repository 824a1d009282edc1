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
        private readonly Dictionary<int, (PlanScene Scene, Dictionary<int, (int First, int Count)> Steps)> byContainer = [];

        /// <summary>Step <paramref name="index"/> (from 0) in its container.</summary>
        public SKImage Step(int index)
        {
            var (scene, blocks) = SceneOf(sequence.Steps[index].Container);
            var (first, count) = blocks[index];
            return Render(scene, first + count, first);
        }

        /// <summary>A container with everything loaded into it.</summary>
        public SKImage Loaded(int container)
        {
            var (scene, _) = SceneOf(container);
            return Render(scene, int.MaxValue, int.MaxValue);
        }

        // The scene of a container and, by step index, where each of its steps' blocks are in it.
        private (PlanScene, Dictionary<int, (int First, int Count)>) SceneOf(int container)
        {
            lock (byContainer)
            {
                if (!byContainer.TryGetValue(container, out var found))
                {
                    var blocks = new List<SceneBlock>();
                    var ofStep = new Dictionary<int, (int, int)>();
                    var placements = sequence.Plan.Placements;
                    for (var s = 0; s < sequence.Steps.Count; s++)
                    {
                        var step = sequence.Steps[s];
                        if (step.Container != container)
                        {
                            continue;
                        }

                        // The plan's boxes are in step order: this step's are the ones before its end.
                        var start = sequence.Ends[s] - step.Count;
                        ofStep[s] = (blocks.Count, step.Count == step.Deep * step.Across * step.High ? 1 : step.Count);
                        if (step.Count == step.Deep * step.Across * step.High)
                        {
                            blocks.Add(new SceneBlock(step.X, step.Y, step.Z, step.Length, step.Width, step.Height, placements[start].Line, step.Deep, step.Across, step.High));
                        }
                        else
                        {
                            blocks.AddRange(placements.Skip(start).Take(step.Count).Select(p => new SceneBlock(p.X, p.Y, p.Z, p.Length, p.Width, p.Height, p.Line, 1, 1, 1)));
                        }
                    }

                    found = (new PlanScene(sequence.Plan.ContainerAt(container), blocks, angle, width, height), ofStep);
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
