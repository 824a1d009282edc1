using SkiaSharp;

namespace Kitt.Dashboard.Shipments.Report;

/// <summary>Where a picture looks from: the yaw and pitch (degrees) of the browser's 3D view.</summary>
public sealed record ViewAngle(string Name, double Yaw, double Pitch)
{
    /// <summary>The browser's "iso" view: from the door, on the left, from above.</summary>
    public static readonly ViewAngle DoorLeft = new("from the door, left", -50, 28);

    /// <summary>The opposite corner, so the overview shows the sides the first view turns away.</summary>
    public static readonly ViewAngle BackRight = new("from the back, right", 130, 28);
}

/// <summary>
/// A cuboid a picture draws: a whole loading step, a grid of like boxes <see cref="Deep"/> × <see cref="Across"/> ×
/// <see cref="High"/> drawn as one block with its boxes' seams, or a single box (1 × 1 × 1).
/// </summary>
internal readonly record struct SceneBlock(double X, double Y, double Z, double Length, double Width, double Height, int Line, int Deep, int Across, int High)
{
    public int Cells(int axis) => axis switch { 0 => Deep, 1 => Across, _ => High };
}

/// <summary>
/// One container's boxes in load order as the browser's 3D view draws them (<c>PlanViewer.razor.js</c>): the same
/// orthographic projection, face colours, hidden faces and painter's order, so a printed step looks like the screen.
/// The order is worked out once for all the blocks: it stays right for every prefix of them, so each step's picture only
/// leaves out the blocks not loaded yet. A step is drawn as one block rather than box by box: the same picture with a
/// tenth of the faces, which is what drawing costs on the CPU.
/// </summary>
internal sealed class PlanScene
{
    private const double Eps = 1e-6;

    // Corners of a face as offsets along x, y, z; faces are -x, +x, -y, +y, -z, +z.
    private static readonly int[][][] Faces =
    [
        [[0, 0, 0], [0, 1, 0], [0, 1, 1], [0, 0, 1]],
        [[1, 0, 0], [1, 1, 0], [1, 1, 1], [1, 0, 1]],
        [[0, 0, 0], [1, 0, 0], [1, 0, 1], [0, 0, 1]],
        [[0, 1, 0], [1, 1, 0], [1, 1, 1], [0, 1, 1]],
        [[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0]],
        [[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 1, 1]],
    ];

    private readonly ContainerInput container;
    private readonly IReadOnlyList<SceneBlock> boxes;
    private readonly double[] cam, right, up;
    private readonly double scale, originX, originY;
    private readonly int[] faces;
    private readonly int[] order;
    // For each box and face: the boxes touching it there and the area they share, to tell faces hidden by neighbours.
    private readonly List<(int Box, double Area)>[] neighbours;

    public PlanScene(ContainerInput container, IReadOnlyList<SceneBlock> boxes, ViewAngle angle, int width, int height)
    {
        this.container = container;
        this.boxes = boxes;
        Width = width;
        Height = height;
        double yaw = angle.Yaw * Math.PI / 180, pitch = angle.Pitch * Math.PI / 180;
        double cy = Math.Cos(yaw), sy = Math.Sin(yaw), cp = Math.Cos(pitch), sp = Math.Sin(pitch);
        cam = [cp * cy, cp * sy, sp];
        right = [-sy, cy, 0];
        up = [-sp * cy, -sp * sy, cp];
        // Unlike the screen, which keeps one zoom while the view turns, a picture fits the container it shows.
        var (extentX, extentY) = (0.0, 0.0);
        foreach (var (dx, dy, dz) in new[] { (1, 1, 1), (1, 1, -1), (1, -1, 1), (1, -1, -1) })
        {
            var (hx, hy, hz) = (dx * container.Length / 2, dy * container.Width / 2, dz * container.Height / 2);
            extentX = Math.Max(extentX, 2 * Math.Abs(hx * right[0] + hy * right[1]));
            extentY = Math.Max(extentY, 2 * Math.Abs(hx * up[0] + hy * up[1] + hz * up[2]));
        }

        scale = 0.92 * Math.Min(width / Math.Max(extentX, Eps), height / Math.Max(extentY, Eps));
        originX = width / 2.0;
        originY = height / 2.0;
        faces = [.. VisibleFaces()];
        neighbours = FindNeighbours();
        order = PaintOrder();
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>
    /// Draws the first <paramref name="loaded"/> boxes: those from <paramref name="highlightFrom"/> on in their SKU's
    /// colour with the step's outline over everything, the earlier ones muted. <c>highlightFrom = loaded</c> shows
    /// the load as it stands, all in colour.
    /// </summary>
    public void Draw(SKCanvas canvas, int loaded, int highlightFrom)
    {
        loaded = Math.Min(loaded, boxes.Count);
        canvas.Clear(SKColors.White);
        using (var line = new SKPaint { Color = new SKColor(0x5f, 0x63, 0x68), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1 })
        using (var floor = new SKPaint { Color = new SKColor(0x5f, 0x63, 0x68, 30), IsAntialias = true, Style = SKPaintStyle.Fill })
        {
            DrawContainer(canvas, line, floor);
        }

        var all = highlightFrom >= loaded;
        DrawBoxes(canvas, loaded, all ? 0 : highlightFrom);
        if (!all)
        {
            OutlineStep(canvas, highlightFrom, loaded);
        }
    }

    // Anti-aliased paths cost far more than plain ones on the CPU, edges most of all; so each face is two plain fills,
    // its edge colour and the face colour inset by the edge's width, on a layer twice the picture's size that is then
    // scaled down onto it: a 2 × 2 average per pixel smooths every edge as anti-aliasing would, at a third of the cost.
    private void DrawBoxes(SKCanvas canvas, int loaded, int highlightFrom)
    {
        const int supersample = 2;
        using var layer = SKSurface.Create(new SKImageInfo(Width * supersample, Height * supersample, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("A picture layer cannot be made.");
        var target = layer.Canvas;
        target.Clear(SKColors.Transparent);
        using var paint = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill };
        var covered = Coverage(loaded);
        var corners = new SKPoint[4];
        foreach (var i in order)
        {
            if (i >= loaded)
            {
                continue;
            }

            var b = boxes[i];
            var lit = i >= highlightFrom;
            var hue = (float)(b.Line * 137.508 % 360);
            foreach (var f in faces)
            {
                if (covered[i * 6 + f])
                {
                    continue;
                }

                for (var q = 0; q < 4; q++)
                {
                    var c = Faces[f][q];
                    var p = Point(b.X + c[0] * b.Length, b.Y + c[1] * b.Width, b.Z + c[2] * b.Height);
                    corners[q] = new SKPoint(p.X * supersample, p.Y * supersample);
                }

                // Lit from above: tops brightest, the two side directions darker, as on screen.
                var shade = (f >> 1) switch { 2 => 8f, 0 => -4f, _ => -13f };
                var colour = lit ? SKColor.FromHsl(hue, 55, 56 + shade) : SKColor.FromHsl(hue, 8, 84 + shade / 2);
                paint.Color = Darker(colour);
                using (var outer = Quad(corners))
                {
                    target.DrawPath(outer, paint);
                }

                if (Inset(corners, supersample))
                {
                    paint.Color = colour;
                    using var inner = Quad(corners);
                    target.DrawPath(inner, paint);
                }

                Seams(target, b, f, Darker(colour), supersample);
            }
        }

        using var image = layer.Snapshot();
        canvas.DrawImage(image, SKRect.Create(0, 0, Width, Height), new SKSamplingOptions(SKFilterMode.Linear), null);
    }

    // Where the boxes of a block meet on one of its faces: plain hairlines, lighter than the edges once scaled down.
    private void Seams(SKCanvas canvas, SceneBlock b, int face, SKColor colour, float supersample)
    {
        var axis = face >> 1;
        var (p, q) = ((axis + 1) % 3, (axis + 2) % 3);
        if (b.Cells(p) == 1 && b.Cells(q) == 1)
        {
            return;
        }

        using var seam = new SKPaint { Color = colour, IsAntialias = false, Style = SKPaintStyle.Stroke, StrokeWidth = 0 };
        double[] origin = [b.X, b.Y, b.Z], size = [b.Length, b.Width, b.Height];
        origin[axis] += (face & 1) * size[axis];
        foreach (var (along, across) in new[] { (p, q), (q, p) })
        {
            for (var k = 1; k < b.Cells(along); k++)
            {
                var from = (double[])origin.Clone();
                from[along] += size[along] * k / b.Cells(along);
                var to = (double[])from.Clone();
                to[across] += size[across];
                SKPoint a = Point(from[0], from[1], from[2]), c = Point(to[0], to[1], to[2]);
                canvas.DrawLine(a.X * supersample, a.Y * supersample, c.X * supersample, c.Y * supersample, seam);
            }
        }
    }

    // The screen strokes edges in black at 35 % over the face: the same colour, mixed here.
    private static SKColor Darker(SKColor c) => new((byte)(c.Red * 0.65f), (byte)(c.Green * 0.65f), (byte)(c.Blue * 0.65f));

    // Moves each side of a projected face (a parallelogram) in by `width`, measured across the face; false when the
    // face is too thin to have an inside, seen nearly edge-on.
    private static bool Inset(SKPoint[] quad, float width)
    {
        SKPoint u = quad[1] - quad[0], v = quad[3] - quad[0];
        var area = Math.Abs(u.X * v.Y - u.Y * v.X);
        var (alongU, alongV) = (width * v.Length / Math.Max(area, 1e-6f), width * u.Length / Math.Max(area, 1e-6f));
        if (alongU >= 0.5f || alongV >= 0.5f)
        {
            return false;
        }

        var du = new SKPoint(u.X * alongU, u.Y * alongU);
        var dv = new SKPoint(v.X * alongV, v.Y * alongV);
        (quad[0], quad[1], quad[2], quad[3]) = (quad[0] + du + dv, quad[1] - du + dv, quad[2] - du - dv, quad[3] + du - dv);
        return true;
    }

    private SKPoint Point(double x, double y, double z)
    {
        double dx = x - container.Length / 2, dy = y - container.Width / 2, dz = z - container.Height / 2;
        return new SKPoint(
            (float)(originX + scale * (dx * right[0] + dy * right[1])),
            (float)(originY - scale * (dx * up[0] + dy * up[1] + dz * up[2])));
    }

    private static SKPath Quad(SKPoint[] corners)
    {
        var builder = new SKPathBuilder();
        builder.MoveTo(corners[0]);
        builder.LineTo(corners[1]);
        builder.LineTo(corners[2]);
        builder.LineTo(corners[3]);
        builder.Close();
        return builder.Detach();
    }

    private void DrawContainer(SKCanvas canvas, SKPaint line, SKPaint fill)
    {
        double l = container.Length, w = container.Width, h = container.Height;
        using (var floor = Quad([Point(0, 0, 0), Point(l, 0, 0), Point(l, w, 0), Point(0, w, 0)]))
        {
            canvas.DrawPath(floor, fill);
        }

        DrawEdges(canvas, line, 0, l, 0, w, 0, h);
    }

    // The twelve edges of an axis-aligned box.
    private void DrawEdges(SKCanvas canvas, SKPaint paint, double x0, double x1, double y0, double y1, double z0, double z1)
    {
        double[] xs = [x0, x1], ys = [y0, y1], zs = [z0, z1];
        for (var a = 0; a < 2; a++)
        {
            for (var b = 0; b < 2; b++)
            {
                canvas.DrawLine(Point(x0, ys[a], zs[b]), Point(x1, ys[a], zs[b]), paint);
                canvas.DrawLine(Point(xs[a], y0, zs[b]), Point(xs[a], y1, zs[b]), paint);
                canvas.DrawLine(Point(xs[a], ys[b], z0), Point(xs[a], ys[b], z1), paint);
            }
        }
    }

    // The step's extent drawn over everything, dark under yellow as the screen's selection, so a buried step is found.
    private void OutlineStep(SKCanvas canvas, int from, int to)
    {
        double x0 = double.MaxValue, y0 = double.MaxValue, z0 = double.MaxValue, x1 = double.MinValue, y1 = double.MinValue, z1 = double.MinValue;
        for (var i = from; i < to; i++)
        {
            var b = boxes[i];
            (x0, y0, z0) = (Math.Min(x0, b.X), Math.Min(y0, b.Y), Math.Min(z0, b.Z));
            (x1, y1, z1) = (Math.Max(x1, b.X + b.Length), Math.Max(y1, b.Y + b.Width), Math.Max(z1, b.Z + b.Height));
        }

        using var under = new SKPaint { Color = new SKColor(0, 0, 0, 150), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 5, StrokeCap = SKStrokeCap.Round };
        using var over = new SKPaint { Color = new SKColor(0xff, 0xd6, 0x00), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3, StrokeCap = SKStrokeCap.Round };
        DrawEdges(canvas, under, x0, x1, y0, y1, z0, z1);
        DrawEdges(canvas, over, x0, x1, y0, y1, z0, z1);
    }

    // Only the three face directions turned to the viewer can show.
    private IEnumerable<int> VisibleFaces()
    {
        for (var axis = 0; axis < 3; axis++)
        {
            if (Math.Abs(cam[axis]) > Eps)
            {
                yield return axis * 2 + (cam[axis] > 0 ? 1 : 0);
            }
        }
    }

    private List<(int Box, double Area)>[] FindNeighbours()
    {
        var n = boxes.Count;
        var found = new List<(int, double)>[n * 6];
        for (var k = 0; k < found.Length; k++)
        {
            found[k] = [];
        }

        // Boxes sorted by x: only those whose x ranges meet can touch.
        var byX = Enumerable.Range(0, n).OrderBy(i => boxes[i].X).ToArray();
        for (var a = 0; a < n; a++)
        {
            var p = boxes[byX[a]];
            for (var c = a + 1; c < n && boxes[byX[c]].X <= p.X + p.Length + Eps; c++)
            {
                var (i, j) = (byX[a], byX[c]);
                var q = boxes[j];
                double ox = Overlap(p.X, p.Length, q.X, q.Length), oy = Overlap(p.Y, p.Width, q.Y, q.Width), oz = Overlap(p.Z, p.Height, q.Z, q.Height);
                Touch(found, i, j, p.X, p.Length, q.X, q.Length, oy * oz, 0, oy > Eps && oz > Eps);
                Touch(found, i, j, p.Y, p.Width, q.Y, q.Width, ox * oz, 1, ox > Eps && oz > Eps);
                Touch(found, i, j, p.Z, p.Height, q.Z, q.Height, ox * oy, 2, ox > Eps && oy > Eps);
            }
        }

        return found;
    }

    private static double Overlap(double a, double la, double b, double lb) => Math.Min(a + la, b + lb) - Math.Max(a, b);

    private static void Touch(List<(int, double)>[] found, int i, int j, double a, double la, double b, double lb, double area, int axis, bool overlapping)
    {
        if (!overlapping)
        {
            return;
        }

        if (Math.Abs(a + la - b) < Eps)
        {
            found[i * 6 + axis * 2 + 1].Add((j, area));
            found[j * 6 + axis * 2].Add((i, area));
        }
        else if (Math.Abs(b + lb - a) < Eps)
        {
            found[i * 6 + axis * 2].Add((j, area));
            found[j * 6 + axis * 2 + 1].Add((i, area));
        }
    }

    // A face is hidden when the boxes loaded so far that touch it cover its whole area.
    private bool[] Coverage(int loaded)
    {
        var covered = new bool[boxes.Count * 6];
        for (var i = 0; i < loaded; i++)
        {
            var b = boxes[i];
            foreach (var f in faces)
            {
                var area = (f >> 1) switch { 0 => b.Width * b.Height, 1 => b.Length * b.Height, _ => b.Length * b.Width };
                var sum = 0.0;
                foreach (var (other, shared) in neighbours[i * 6 + f])
                {
                    sum += other < loaded ? shared : 0;
                }

                covered[i * 6 + f] = sum >= area * (1 - 1e-6);
            }
        }

        return covered;
    }

    // Where two boxes overlap on screen, the one on the viewer's side of a plane separating them is drawn later; boxes
    // that do not overlap keep their depth order (Kahn's order seeded by depth, as on screen).
    private int[] PaintOrder()
    {
        var n = boxes.Count;
        var (x0, x1, y0, y1, depth) = (new double[n], new double[n], new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            var b = boxes[i];
            var corner = Point(b.X, b.Y, b.Z);
            double ex0 = scale * b.Length * right[0], ex1 = -scale * b.Length * up[0];
            double ey0 = scale * b.Width * right[1], ey1 = -scale * b.Width * up[1];
            var ez1 = -scale * b.Height * up[2];
            x0[i] = corner.X + Math.Min(0, ex0) + Math.Min(0, ey0);
            x1[i] = corner.X + Math.Max(0, ex0) + Math.Max(0, ey0);
            y0[i] = corner.Y + Math.Min(0, ex1) + Math.Min(0, ey1) + Math.Min(0, ez1);
            y1[i] = corner.Y + Math.Max(0, ex1) + Math.Max(0, ey1) + Math.Max(0, ez1);
            depth[i] = (b.X + b.Length / 2) * cam[0] + (b.Y + b.Width / 2) * cam[1] + (b.Z + b.Height / 2) * cam[2];
        }

        var after = new List<int>[n];
        var before = new int[n];
        for (var i = 0; i < n; i++)
        {
            after[i] = [];
        }

        var byLeft = Enumerable.Range(0, n).OrderBy(i => x0[i]).ToArray();
        for (var a = 0; a < n; a++)
        {
            var p = byLeft[a];
            for (var c = a + 1; c < n && x0[byLeft[c]] < x1[p] - 0.5; c++)
            {
                var q = byLeft[c];
                if (Math.Min(x1[p], x1[q]) - Math.Max(x0[p], x0[q]) < 0.5 || Math.Min(y1[p], y1[q]) - Math.Max(y0[p], y0[q]) < 0.5)
                {
                    continue;
                }

                if (Separated(p, q) is var (first, second))
                {
                    after[first].Add(second);
                    before[second]++;
                }
            }
        }

        var queue = new List<int>(n);
        queue.AddRange(Enumerable.Range(0, n).OrderBy(i => depth[i]).Where(i => before[i] == 0));
        for (var head = 0; head < queue.Count; head++)
        {
            foreach (var next in after[queue[head]])
            {
                if (--before[next] == 0)
                {
                    queue.Add(next);
                }
            }
        }

        // A cycle cannot come from boxes that do not overlap; should rounding make one, depth order settles it.
        if (queue.Count < n)
        {
            var placed = queue.ToHashSet();
            queue.AddRange(Enumerable.Range(0, n).OrderBy(i => depth[i]).Where(i => !placed.Contains(i)));
        }

        return [.. queue];
    }

    // Which of two boxes is drawn first: the one behind a plane between them, seen from the camera.
    private (int First, int Second)? Separated(int p, int q)
    {
        var (a, b) = (boxes[p], boxes[q]);
        for (var axis = 0; axis < 3; axis++)
        {
            if (Math.Abs(cam[axis]) < 1e-9)
            {
                continue;
            }

            var (aMin, aSize, bMin, bSize) = axis switch
            {
                0 => (a.X, a.Length, b.X, b.Length),
                1 => (a.Y, a.Width, b.Y, b.Width),
                _ => (a.Z, a.Height, b.Z, b.Height),
            };
            if (aMin + aSize <= bMin + Eps)
            {
                return cam[axis] > 0 ? (p, q) : (q, p);
            }

            if (bMin + bSize <= aMin + Eps)
            {
                return cam[axis] > 0 ? (q, p) : (p, q);
            }
        }

        return null;
    }
}
