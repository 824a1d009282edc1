namespace Kitt.Dashboard.Shipments;

/// <summary>
/// Groups a plan's boxes into steps a loading crew can follow: each step is a rectangular stack of one SKU in one
/// orientation (a × across, b × high, c × deep). Steps come in an order the crew can carry out: every box of a step
/// rests on the floor, on earlier steps or on its own stack, and nothing between it and the back wall is left for
/// later, so no step has to be reached behind.
/// </summary>
public static class LoadingSteps
{
    private const double Tolerance = 0.05;

    /// <summary>The steps of every container in order, and the plan with its boxes renumbered in that order.</summary>
    public static LoadingSequence Group(PlanView plan, IReadOnlyList<ItemInput> items)
    {
        var steps = new List<LoadingStep>();
        var ordered = new List<PlacementView>(plan.Placements.Count);
        foreach (var container in plan.Placements.GroupBy(p => p.Container).OrderBy(g => g.Key))
        {
            var boxes = container.OrderBy(p => p.Sequence).ToArray();
            var loadedKg = 0.0;
            var sequence = 0;
            foreach (var block in new Grouping(boxes).Blocks())
            {
                var members = block.Members.Select(i => boxes[i]).OrderBy(b => b.X).ThenBy(b => b.Z).ThenBy(b => b.Y)
                    .Select(b => b with { Sequence = ++sequence }).ToArray();
                ordered.AddRange(members);
                var rows = new List<PlanExport.BoxRow>(members.Length);
                foreach (var m in members)
                {
                    loadedKg += m.WeightKg;
                    rows.Add(PlanExport.Row(m, items, loadedKg));
                }

                // A block knows the steps it rests on by their number within its container.
                var offset = steps.Count - block.Index;
                steps.Add(Step(steps.Count + 1, block, members, rows, plan.ContainerAt(container.Key), [.. block.RestsOn.Select(s => s + offset)]));
            }
        }

        return new LoadingSequence(steps, plan with { Placements = ordered });
    }

    private static LoadingStep Step(int number, Block block, PlacementView[] members, List<PlanExport.BoxRow> rows, ContainerInput container, int[] restsOn)
    {
        var first = members[0];
        double x0 = members.Min(m => m.X), y0 = members.Min(m => m.Y), z0 = members.Min(m => m.Z);
        double x1 = members.Max(m => m.X + m.Length), y1 = members.Max(m => m.Y + m.Width), z1 = members.Max(m => m.Z + m.Height);
        return new LoadingStep(number, first.Container, first.Sku, rows[0].Orientation, members.Length,
            block.Across, block.High, block.Deep, x0, y0, z0, x1 - x0, y1 - y0, z1 - z0,
            members.Sum(m => m.WeightKg), rows[^1].LoadedKg, restsOn,
            Where(x0, x1, y0, y1, z0, container, restsOn), members.Any(m => m.Fragile), rows);
    }

    /// <summary>"at the back left, on the floor": the third of the length, the wall or third across, and what the stack stands on.</summary>
    internal static string Where(double x0, double x1, double y0, double y1, double z0, ContainerInput container, IReadOnlyList<int> restsOn)
    {
        var length = Math.Max(container.Length, x1);
        var width = Math.Max(container.Width, y1);
        var depth = ((x0 + x1) / 2 / length) switch
        {
            < 1 / 3.0 => "at the back",
            < 2 / 3.0 => "in the middle",
            _ => "at the door",
        };
        // Against a side wall says more to a loader than the third its centre falls in.
        var side = (y1 - y0) >= width * 0.9 ? " across the full width"
            : y0 < Tolerance ? " left"
            : y1 > width - Tolerance ? " right"
            : ((y0 + y1) / 2 / width) switch
            {
                < 1 / 3.0 => " left",
                < 2 / 3.0 => " centre",
                _ => " right",
            };
        var on = z0 < Tolerance ? "on the floor"
            : $"at {z0:0.#} cm on step{(restsOn.Count > 1 ? "s" : "")} {string.Join(", ", restsOn)}";
        return $"{depth}{side}, {on}";
    }

    private sealed record Block(int Index, IReadOnlyList<int> Members, int Across, int High, int Deep, IReadOnlyList<int> RestsOn);

    /// <summary>The greedy grouping of one container's boxes, which arrive in the packer's load order.</summary>
    private sealed class Grouping(PlacementView[] boxes)
    {
        private readonly int n = boxes.Length;

        // For each box, the boxes it stands on and the boxes between it and the back wall that overlap it across and in height.
        private readonly List<int>[] below = Enumerable.Range(0, boxes.Length).Select(_ => new List<int>()).ToArray();
        private readonly List<int>[] behind = Enumerable.Range(0, boxes.Length).Select(_ => new List<int>()).ToArray();
        private readonly int[] stepOf = Enumerable.Repeat(-1, boxes.Length).ToArray();

        public IEnumerable<Block> Blocks()
        {
            Relate();
            var index = 0;
            var next = 0;
            while (true)
            {
                while (next < n && stepOf[next] >= 0)
                {
                    next++;
                }

                if (next == n)
                {
                    yield break;
                }

                var seed = Seed(next);
                var block = Grow(seed, index);
                foreach (var m in block.Members)
                {
                    stepOf[m] = index;
                }

                var restsOn = block.Members.SelectMany(m => below[m]).Select(s => stepOf[s]).Where(s => s != index)
                    .Distinct().Order().Select(s => s + 1).ToArray();
                yield return block with { RestsOn = restsOn };
                index++;
            }
        }

        private void Relate()
        {
            for (var i = 0; i < n; i++)
            {
                var a = boxes[i];
                for (var j = 0; j < n; j++)
                {
                    var b = boxes[j];
                    if (i == j)
                    {
                        continue;
                    }

                    var acrossOverlap = Overlap(a.Y, a.Width, b.Y, b.Width);
                    if (Math.Abs(b.Z + b.Height - a.Z) < Tolerance && acrossOverlap && Overlap(a.X, a.Length, b.X, b.Length))
                    {
                        below[i].Add(j);
                    }
                    else if (b.X + b.Length <= a.X + Tolerance && acrossOverlap && Overlap(a.Z, a.Height, b.Z, b.Height))
                    {
                        behind[i].Add(j);
                    }
                }
            }
        }

        private static bool Overlap(double a, double aLength, double b, double bLength) =>
            a < b + bLength - Tolerance && b < a + aLength - Tolerance;

        private bool Ready(int box, ISet<int> block) =>
            below[box].All(s => stepOf[s] >= 0 || block.Contains(s)) && behind[box].All(s => stepOf[s] >= 0 || block.Contains(s));

        /// <summary>The first box in the packer's order that can be loaded now; the packer's order always has one on its support.</summary>
        private int Seed(int from)
        {
            var none = new HashSet<int>();
            for (var i = from; i < n; i++)
            {
                if (stepOf[i] < 0 && Ready(i, none))
                {
                    return i;
                }
            }

            for (var i = from; i < n; i++)
            {
                if (stepOf[i] < 0 && below[i].All(s => stepOf[s] >= 0))
                {
                    return i;
                }
            }

            return from;
        }

        /// <summary>
        /// The largest stack around the seed: boxes of its SKU and size on its grid, grown a whole layer at a time in
        /// each direction while every new box is loadable. Three growth orders are tried and the largest stack is kept.
        /// </summary>
        private Block Grow(int seed, int index)
        {
            var s = boxes[seed];
            var grid = new Dictionary<(int, int, int), int>();
            for (var i = 0; i < n; i++)
            {
                var b = boxes[i];
                if (stepOf[i] >= 0 || b.Sku != s.Sku || !Same(b.Length, s.Length) || !Same(b.Width, s.Width) || !Same(b.Height, s.Height))
                {
                    continue;
                }

                if (Cell(b.X - s.X, s.Length) is { } ci && Cell(b.Y - s.Y, s.Width) is { } cj && Cell(b.Z - s.Z, s.Height) is { } ck)
                {
                    grid.TryAdd((ci, cj, ck), i);
                }
            }

            Block? best = null;
            foreach (var order in Orders)
            {
                var block = GrowInOrder(seed, grid, order, index);
                if (best is null || block.Members.Count > best.Members.Count)
                {
                    best = block;
                }
            }

            return best!;
        }

        // Axes are 0 = deep (x), 1 = across (y), 2 = high (z); each is grown forwards, then backwards.
        private static readonly int[][] Orders = [[1, 2, 0], [2, 1, 0], [0, 1, 2]];

        private Block GrowInOrder(int seed, Dictionary<(int, int, int), int> grid, int[] order, int index)
        {
            int[] lo = [0, 0, 0], hi = [0, 0, 0];
            var members = new HashSet<int> { seed };
            var grown = true;
            while (grown)
            {
                grown = false;
                foreach (var axis in order)
                {
                    foreach (var forward in (bool[])[true, false])
                    {
                        while (TryLayer(grid, lo, hi, axis, forward, members))
                        {
                            grown = true;
                        }
                    }
                }
            }

            return new Block(index, [.. members], hi[1] - lo[1] + 1, hi[2] - lo[2] + 1, hi[0] - lo[0] + 1, []);
        }

        private bool TryLayer(Dictionary<(int, int, int), int> grid, int[] lo, int[] hi, int axis, bool forward, HashSet<int> members)
        {
            var at = forward ? hi[axis] + 1 : lo[axis] - 1;
            int[] from = [.. lo], to = [.. hi];
            from[axis] = to[axis] = at;
            var layer = new List<int>();
            for (var i = from[0]; i <= to[0]; i++)
            {
                for (var j = from[1]; j <= to[1]; j++)
                {
                    for (var k = from[2]; k <= to[2]; k++)
                    {
                        if (!grid.TryGetValue((i, j, k), out var box))
                        {
                            return false;
                        }

                        layer.Add(box);
                    }
                }
            }

            var candidate = new HashSet<int>(members);
            candidate.UnionWith(layer);
            if (!layer.All(b => Ready(b, candidate)))
            {
                return false;
            }

            members.UnionWith(layer);
            if (forward)
            {
                hi[axis] = at;
            }
            else
            {
                lo[axis] = at;
            }

            return true;
        }

        private static bool Same(double a, double b) => Math.Abs(a - b) < Tolerance;

        private static int? Cell(double offset, double size)
        {
            var cell = Math.Round(offset / size);
            return Math.Abs(offset - cell * size) < Tolerance ? (int)cell : null;
        }
    }
}

/// <summary>A plan's loading steps, and the plan with its boxes in step order (as the 3D view plays them).</summary>
public sealed record LoadingSequence(IReadOnlyList<LoadingStep> Steps, PlanView Plan)
{
    /// <summary>How many boxes are loaded once each step is done, for playing the plan step by step.</summary>
    public IReadOnlyList<int> Ends { get; } = EndsOf(Steps);

    /// <summary>Containers the plan loads: they are numbered from 0 in the order they are loaded.</summary>
    public int Containers => Steps.Count == 0 ? 0 : Steps[^1].Container + 1;

    /// <summary>One container's part: its boxes, a run of <see cref="Plan"/>'s, and where its steps end, counted
    /// from its own first box.</summary>
    public ContainerSteps InContainer(int container)
    {
        var offset = 0;
        var ends = new List<int>();
        for (var s = 0; s < Steps.Count; s++)
        {
            if (Steps[s].Container < container)
            {
                offset = Ends[s];
            }
            else if (Steps[s].Container == container)
            {
                ends.Add(Ends[s]);
            }
        }

        var count = ends.Count == 0 ? 0 : ends[^1] - offset;
        var view = Plan with { Placements = [.. Plan.Placements.Skip(offset).Take(count)], Container = Plan.ContainerAt(container) };
        return new ContainerSteps(container, view, offset, [.. ends.Select(e => e - offset)]);
    }

    /// <summary>The step that loads the box with this number (from 1) in the whole plan's step order.</summary>
    public LoadingStep StepOf(int box)
    {
        var at = 0;
        while (at < Ends.Count - 1 && Ends[at] < box)
        {
            at++;
        }

        return Steps[at];
    }

    private static int[] EndsOf(IReadOnlyList<LoadingStep> steps)
    {
        var ends = new int[steps.Count];
        var total = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            ends[i] = total += steps[i].Count;
        }

        return ends;
    }
}

/// <summary>
/// One step: <see cref="Count"/> boxes of one SKU stacked <see cref="Across"/> × <see cref="High"/> × <see cref="Deep"/>
/// with its extent's corner nearest the back wall, the left wall and the floor at x, y, z (cm); its boxes in load order.
/// </summary>
public sealed record LoadingStep(
    int Number,
    int Container,
    string Sku,
    string Orientation,
    int Count,
    int Across,
    int High,
    int Deep,
    double X,
    double Y,
    double Z,
    double Length,
    double Width,
    double Height,
    double WeightKg,
    double LoadedKg,
    IReadOnlyList<int> RestsOn,
    string Where,
    bool Fragile,
    IReadOnlyList<PlanExport.BoxRow> Boxes)
{
    /// <summary>"12 × BOX-S, 2 across × 3 high × 2 deep, at the back left, on the floor".</summary>
    public string Summary => Count == 1
        ? $"1 × {Sku}, {Where}"
        : $"{Count} × {Sku}, {Across} across × {High} high × {Deep} deep, {Where}";
}

/// <summary>
/// One container of a <see cref="LoadingSequence"/>: a plan of its boxes alone, in step order, with its sizes; how
/// many boxes earlier containers take (<see cref="Offset"/>, so box n here is box <c>Offset + n</c> of the sequence);
/// and how many of its boxes are loaded once each of its steps is done.
/// </summary>
public sealed record ContainerSteps(int Container, PlanView Plan, int Offset, IReadOnlyList<int> Ends);
