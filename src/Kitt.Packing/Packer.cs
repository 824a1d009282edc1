using System.Diagnostics;
using Kitt.Packing.Engine;

namespace Kitt.Packing;

/// <summary>
/// Packs boxes into containers, filling one container as well as it can before starting the next. Plans always
/// keep boxes inside their container, apart, in allowed orientations, fully supported, within payload and load
/// limits, and in multi-drop order.
/// </summary>
public static class Packer
{
    /// <summary>Builds the best plan found within <see cref="PackingOptions.TimeLimit"/>.</summary>
    /// <param name="request">Containers and items; checked first.</param>
    /// <param name="options">Search settings; defaults when null.</param>
    /// <param name="cancellationToken">Stops the search early; the best plan so far is still returned.</param>
    /// <exception cref="PackingValidationException">The request or options have bad fields.</exception>
    public static PackingResult Pack(PackingRequest request, PackingOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= new PackingOptions();
        var errors = RequestValidator.Check(request).ToList();
        if (!(options.SupportFraction > 0 && options.SupportFraction <= 1))
            errors.Add(new("options.supportFraction", $"must be in (0, 1], got {options.SupportFraction}"));
        if (options.TimeLimit <= TimeSpan.Zero)
            errors.Add(new("options.timeLimit", "must be positive"));
        if (errors.Count > 0) throw new PackingValidationException(errors);

        var clock = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(options.TimeLimit.TotalSeconds * Stopwatch.Frequency);
        var kinds = request.Items.Select((item, i) => new Kind(i,
            Kind.OrientationsOf(Units.ToGrid(item.Length), Units.ToGrid(item.Width), Units.ToGrid(item.Height),
                item.AllowedVertical),
            item.WeightKg, item.EffectiveLoadLimitKg, item.EffectiveStop, item.FloorOnly)).ToArray();
        var remaining = request.Items.Select(i => i.Quantity).ToArray();
        var sizes = request.Containers.Select(c =>
            new Size3(Units.ToGridFloor(c.Length), Units.ToGridFloor(c.Width), Units.ToGridFloor(c.Height))).ToArray();

        var unplaced = new List<UnplacedItem>();
        for (var i = 0; i < kinds.Length; i++)
        {
            var reason = Misfit(kinds[i], request.Containers, sizes);
            if (reason is null) continue;
            unplaced.Add(new UnplacedItem(i, request.Items[i].Id, remaining[i], reason.Value, Describe(reason.Value)));
            remaining[i] = 0;
        }

        var boxes = new List<PlacedBox>();
        var used = new List<int>();
        var filler = new ContainerFiller(kinds, options, cancellationToken);
        for (var t = 0; t < request.Containers.Count && remaining.Any(r => r > 0); t++)
        {
            var type = request.Containers[t];
            var payload = type.MaxPayloadKg ?? double.PositiveInfinity;
            for (var n = 0; (type.Count is null || n < type.Count) && remaining.Any(r => r > 0); n++)
            {
                var share = 1.0 / EstimateContainersLeft(kinds, remaining, sizes[t], type.Count is null ? int.MaxValue : type.Count.Value - n);
                var now = Stopwatch.GetTimestamp();
                var containerDeadline = now + (long)(Math.Max(0, deadline - now) * share);
                var placed = filler.Fill(used.Count, sizes[t], payload, remaining, containerDeadline);
                if (placed.Count == 0) break; // an empty container of this kind takes nothing: try the next kind
                boxes.AddRange(LoadBalancer.Centre(placed, kinds, sizes[t], type));
                used.Add(t);
            }
        }
        for (var i = 0; i < kinds.Length; i++)
            if (remaining[i] > 0)
                unplaced.Add(new UnplacedItem(i, request.Items[i].Id, remaining[i], UnplacedReason.NoCapacity,
                    Describe(UnplacedReason.NoCapacity)));

        return PlanAssembler.Assemble(request, kinds, sizes, used, boxes,
            unplaced.OrderBy(u => u.ItemIndex).ToList(), clock.Elapsed);
    }

    private static UnplacedReason? Misfit(Kind kind, IReadOnlyList<ContainerType> containers, Size3[] sizes)
    {
        var fitsSomewhere = false;
        for (var c = 0; c < containers.Count; c++)
        {
            var s = sizes[c];
            if (!kind.Orientations.Any(o => o.X <= s.X && o.Y <= s.Y && o.Z <= s.Z)) continue;
            fitsSomewhere = true;
            if (kind.Weight <= (containers[c].MaxPayloadKg ?? double.PositiveInfinity) + 1e-9) return null;
        }
        return fitsSomewhere ? UnplacedReason.TooHeavy : UnplacedReason.DoesNotFit;
    }

    private static string Describe(UnplacedReason reason) => reason switch
    {
        UnplacedReason.DoesNotFit => "larger than every container in every allowed orientation",
        UnplacedReason.TooHeavy => "heavier than the payload of every container it fits",
        _ => "no room left in the available containers",
    };

    private static int EstimateContainersLeft(Kind[] kinds, int[] remaining, Size3 size, int countLeft)
    {
        double volume = 0;
        for (var i = 0; i < kinds.Length; i++) volume += (double)remaining[i] * kinds[i].Volume;
        // Plans fill about 85 % of a container, so more containers are needed than volume alone suggests.
        var estimate = (int)Math.Ceiling(volume / (size.Volume * 0.85));
        return Math.Clamp(estimate, 1, Math.Max(1, countLeft));
    }
}
