using System.Diagnostics;

namespace Kitt.Packing.Engine;

/// <summary>
/// Beam search over partial plans with greedy completion as the evaluation. Each level expands every state in
/// the beam with its largest fitting blocks, completes each child greedily, and keeps the children whose
/// completions fill most. Passes widen the beam until time runs out; every completion is a plan, and the best
/// one seen is returned, so stopping at any moment still answers.
/// </summary>
internal sealed class BeamSearch
{
    private readonly BlockPlacer _placer;
    private readonly int[] _available;
    private readonly long _upperBound;
    private readonly long _deadline;
    private readonly CancellationToken _cancel;
    private readonly ParallelOptions _parallel;
    private readonly int _seed;
    private PackState? _best;

    public BeamSearch(BlockPlacer placer, int[] available, long regionVolume, long deadline, int seed,
        int parallelism, CancellationToken cancel)
    {
        _seed = seed;
        _placer = placer;
        _available = available;
        _deadline = deadline;
        _cancel = cancel;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) };
        long boxes = 0;
        var counted = new HashSet<int>();
        foreach (var b in placer.Blocks)
            if (!b.IsComposite && counted.Add(b.Kind)) boxes += b.Box.Volume * available[b.Kind];
        _upperBound = Math.Min(regionVolume, boxes);
    }

    /// <summary>Passes completed, for reporting effort.</summary>
    public int Passes { get; private set; }

    /// <summary>True when the best plan holds every box or fills the region: nothing can beat it.</summary>
    public bool Optimal => _best is not null && _best.Volume >= _upperBound;

    /// <param name="maxPasses">Passes after the greedy one; null lets the deadline decide.</param>
    public PackState Run(int? maxPasses)
    {
        // The plain greedy pass always completes, so there is a plan whatever the time limit.
        var greedy = _placer.Start(_available);
        Complete(greedy, long.MaxValue);
        _best = greedy;
        foreach (var (width, children) in Schedule())
        {
            if (_best.Volume >= _upperBound || (maxPasses is { } max && Passes >= max)) break;
            var outcome = Pass(width, children);
            if (outcome == PassOutcome.Stopped) break;
            Passes++;
            if (outcome == PassOutcome.Exhausted) break;
        }
        return _best;
    }

    /// <summary>Beam width and children per state double together: 1×2, 2×2, 4×4, 8×8, …</summary>
    private static IEnumerable<(int Width, int Children)> Schedule()
    {
        for (var w = 1; w <= 1 << 12; w *= 2) yield return (w, Math.Max(2, w));
    }

    private enum PassOutcome { Done, Exhausted, Stopped }

    private PassOutcome Pass(int width, int children)
    {
        var beam = new List<PackState> { _placer.Start(_available) };
        var candidates = new int[children];
        var exhaustive = true;
        while (beam.Count > 0)
        {
            if (OutOfTime()) return PassOutcome.Stopped;
            var expansions = new List<(PackState Parent, int Space, int Block)>();
            foreach (var state in beam)
            {
                var si = NextSpace(state, candidates, out var n);
                if (si < 0)
                {
                    Offer(state);
                    continue;
                }
                exhaustive &= n < children;
                for (var c = 0; c < n; c++) expansions.Add((state, si, candidates[c]));
            }
            if (expansions.Count == 0) break;
            exhaustive &= expansions.Count <= width;

            // Children are rebuilt when needed rather than kept: only their completed volumes are compared,
            // which keeps memory flat however wide the beam grows.
            var values = new long[expansions.Count];
            var stopped = false;
            Parallel.For(0, expansions.Count, _parallel, e =>
            {
                if (stopped || OutOfTime())
                {
                    stopped = true;
                    return;
                }
                var completion = Child(expansions[e]);
                if (!Complete(completion, _deadline)) stopped = true;
                values[e] = completion.Volume;
            });
            if (stopped) return PassOutcome.Stopped;

            // Ties go to the earlier expansion (the parent ranked higher, then the larger block), or, with a seed,
            // to a fixed shuffle of them.
            var order = Enumerable.Range(0, values.Length).OrderByDescending(e => values[e])
                .ThenBy(e => _seed == 0 ? (uint)e : Shuffle(_seed, e)).ThenBy(e => e).ToArray();
            if (values[order[0]] > _best!.Volume)
            {
                var completion = Child(expansions[order[0]]);
                Complete(completion, long.MaxValue);
                Offer(completion);
            }
            if (_best!.Volume >= _upperBound) return PassOutcome.Done;
            beam = order.Take(width).Select(e => Child(expansions[e])).ToList();
        }
        return exhaustive ? PassOutcome.Exhausted : PassOutcome.Done;
    }

    /// <summary>A fixed scramble of the index for the seed (no process-random hashing: plans must repeat).</summary>
    private static uint Shuffle(int seed, int index)
    {
        var x = (uint)index * 0x9E3779B1u ^ (uint)seed * 0x85EBCA77u;
        x ^= x >> 15;
        x *= 0x2C1B3C6Du;
        return x ^ (x >> 12);
    }

    private PackState Child((PackState Parent, int Space, int Block) expansion)
    {
        var child = expansion.Parent.Clone();
        _placer.Place(child, expansion.Space, expansion.Block);
        return child;
    }

    /// <summary>Selects the space to fill, dropping spaces no block fits; -1 when the state is complete.</summary>
    private int NextSpace(PackState state, int[] candidates, out int count)
    {
        while (true)
        {
            count = 0;
            var si = _placer.SelectSpace(state);
            if (si < 0) return -1;
            count = _placer.Candidates(state, state.Spaces[si], candidates);
            if (count > 0) return si;
            _placer.RemoveSpace(state, si);
        }
    }

    private void Offer(PackState s)
    {
        if (s.Volume > _best!.Volume) _best = s;
    }

    /// <summary>Greedy completion: largest fitting block in the selected space. False if time ran out.</summary>
    private bool Complete(PackState state, long deadline)
    {
        Span<int> one = stackalloc int[1];
        while (true)
        {
            if (deadline != long.MaxValue && (Stopwatch.GetTimestamp() > deadline || _cancel.IsCancellationRequested))
                return false;
            var si = _placer.SelectSpace(state);
            if (si < 0) return true;
            if (_placer.Candidates(state, state.Spaces[si], one) == 0) _placer.RemoveSpace(state, si);
            else _placer.Place(state, si, one[0]);
        }
    }

    private bool OutOfTime() => Stopwatch.GetTimestamp() > _deadline || _cancel.IsCancellationRequested;
}
