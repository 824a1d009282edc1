using System.Diagnostics;

namespace Kitt.Packing.Engine;

/// <summary>
/// Greedy lookahead with iterative doubling: at each step the <c>breadth</c> largest blocks that fit the chosen
/// space are each completed greedily, and the block whose completion fills most is kept. Breadth doubles after
/// every complete pass until the time is up; every completion seen counts as a plan, and the best is returned.
/// </summary>
internal sealed class LookaheadSearch
{
    private readonly BlockPlacer _placer;
    private readonly int[] _available;
    private readonly long _upperBound;
    private readonly long _deadline;
    private readonly CancellationToken _cancel;
    private readonly ParallelOptions _parallel;
    private PackState? _best;

    public LookaheadSearch(BlockPlacer placer, int[] available, long regionVolume, long deadline,
        int parallelism, CancellationToken cancel)
    {
        _placer = placer;
        _available = available;
        _deadline = deadline;
        _cancel = cancel;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) };
        long boxes = 0;
        var counted = new HashSet<int>();
        foreach (var b in placer.Blocks)
            if (counted.Add(b.Kind)) boxes += b.Box.Volume * available[b.Kind];
        _upperBound = Math.Min(regionVolume, boxes);
    }

    /// <summary>Passes completed, for reporting effort.</summary>
    public int Passes { get; private set; }

    public PackState Run(int? maxBreadth)
    {
        // The plain greedy pass always completes, so there is a plan whatever the time limit.
        var greedy = _placer.Start(_available);
        Complete(greedy, long.MaxValue);
        _best = greedy;
        Passes = 1;
        for (var breadth = 2; _best.Volume < _upperBound; breadth *= 2)
        {
            if (maxBreadth is { } max && breadth > max) break;
            var outcome = Pass(breadth);
            if (outcome == PassOutcome.Stopped) break;
            Passes++;
            if (outcome == PassOutcome.Exhausted) break;
        }
        return _best;
    }

    private enum PassOutcome { Done, Exhausted, Stopped }

    private PassOutcome Pass(int breadth)
    {
        var state = _placer.Start(_available);
        var candidates = new int[breadth];
        var results = new PackState?[breadth];
        var widest = 0;
        while (true)
        {
            if (OutOfTime()) return PassOutcome.Stopped;
            var si = _placer.SelectSpace(state);
            if (si < 0) break;
            var n = _placer.Candidates(state, state.Spaces[si], candidates);
            if (n == 0)
            {
                _placer.RemoveSpace(state, si);
                continue;
            }
            widest = Math.Max(widest, n);
            if (n == 1)
            {
                _placer.Place(state, si, candidates[0]);
                continue;
            }
            var stopped = false;
            Parallel.For(0, n, _parallel, c =>
            {
                var trial = state.Clone();
                _placer.Place(trial, si, candidates[c]);
                if (!Complete(trial, _deadline)) stopped = true;
                results[c] = trial;
            });
            if (stopped) return PassOutcome.Stopped;
            var chosen = 0;
            for (var c = 0; c < n; c++)
            {
                if (results[c]!.Volume > results[chosen]!.Volume) chosen = c;
                Offer(results[c]!);
            }
            _placer.Place(state, si, candidates[chosen]);
            if (_best!.Volume >= _upperBound) return PassOutcome.Done;
        }
        Offer(state);
        // A pass that never had more candidates than its breadth has tried everything the next one would.
        return widest < breadth ? PassOutcome.Exhausted : PassOutcome.Done;
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
