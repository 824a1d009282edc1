namespace Kitt.Packing;

/// <summary>Checks a request before packing and names every bad field.</summary>
public static class RequestValidator
{
    /// <summary>Most boxes (sum of quantities) one request may hold.</summary>
    public const int MaxBoxes = 100_000;

    /// <summary>Lists the problems with a request; empty when it can be packed.</summary>
    /// <param name="request">The request to check.</param>
    public static IReadOnlyList<FieldError> Check(PackingRequest request)
    {
        var errors = new List<FieldError>();
        if (request.Containers is null || request.Containers.Count == 0)
            errors.Add(new("containers", "at least one container is required"));
        else
            for (var i = 0; i < request.Containers.Count; i++)
                CheckContainer(request.Containers[i], $"containers[{i}]", errors);

        if (request.Items is null)
        {
            errors.Add(new("items", "is required"));
            return errors;
        }

        long boxes = 0;
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            var path = $"items[{i}]";
            if (item is null)
            {
                errors.Add(new(path, "is required"));
                continue;
            }
            CheckItem(item, path, errors);
            boxes += Math.Max(0, item.Quantity);
        }
        if (boxes > MaxBoxes)
            errors.Add(new("items", $"{boxes} boxes requested; at most {MaxBoxes} can be packed in one request"));
        return errors;
    }

    /// <summary>Throws <see cref="PackingValidationException"/> when <see cref="Check"/> finds anything.</summary>
    /// <param name="request">The request to check.</param>
    public static void ThrowIfInvalid(PackingRequest request)
    {
        var errors = Check(request);
        if (errors.Count > 0) throw new PackingValidationException(errors);
    }

    private static void CheckContainer(ContainerType? c, string path, List<FieldError> errors)
    {
        if (c is null)
        {
            errors.Add(new(path, "is required"));
            return;
        }
        Dimension(c.Length, $"{path}.length", errors);
        Dimension(c.Width, $"{path}.width", errors);
        Dimension(c.Height, $"{path}.height", errors);
        if (c.MaxPayloadKg is { } payload && !(double.IsFinite(payload) && payload >= 0))
            errors.Add(new($"{path}.maxPayloadKg", $"must be a number of kg at least 0, got {payload}"));
        if (c.Count is { } count && count <= 0)
            errors.Add(new($"{path}.count", $"must be at least 1 (or omitted for unlimited), got {count}"));
        if (c.Balance is null)
        {
            errors.Add(new($"{path}.balance", "is required (or omitted for the default window)"));
        }
        else
        {
            Percent(c.Balance.LengthwisePercent, $"{path}.balance.lengthwisePercent", errors);
            Percent(c.Balance.SidewaysPercent, $"{path}.balance.sidewaysPercent", errors);
        }
        CheckAxles(c.Axles, $"{path}.axles", errors);
    }

    // A lever on two supports is determined; with three or more the shares depend on the suspension.
    private static void CheckAxles(IReadOnlyList<AxleGroup>? axles, string path, List<FieldError> errors)
    {
        if (axles is null)
        {
            errors.Add(new(path, "is required (or omitted for none)"));
            return;
        }
        if (axles.Count == 0) return;
        if (axles.Count != 2)
        {
            errors.Add(new(path, $"must list two axle groups, front then rear (the lever model), got {axles.Count}"));
            return;
        }
        for (var i = 0; i < 2; i++)
        {
            if (axles[i] is not { } axle)
            {
                errors.Add(new($"{path}[{i}]", "is required"));
                continue;
            }
            if (!double.IsFinite(axle.PositionCm) || Math.Abs(axle.PositionCm) > Units.MaximumCm)
                errors.Add(new($"{path}[{i}].positionCm", $"must be a position in cm within ±{Units.MaximumCm}, got {axle.PositionCm}"));
            if (!(double.IsFinite(axle.MaxLoadKg) && axle.MaxLoadKg >= 0))
                errors.Add(new($"{path}[{i}].maxLoadKg", $"must be a number of kg at least 0, got {axle.MaxLoadKg}"));
        }
        if (axles[0] is { } a && axles[1] is { } b && double.IsFinite(a.PositionCm) && double.IsFinite(b.PositionCm) && b.PositionCm - a.PositionCm < Units.MinimumCm)
            errors.Add(new($"{path}[1].positionCm", $"must lie behind the front group (more than {a.PositionCm} cm), got {b.PositionCm}"));
    }

    private static void Percent(double value, string field, List<FieldError> errors)
    {
        if (!(double.IsFinite(value) && value > 0 && value <= 50))
            errors.Add(new(field, $"must be a share of more than 0 and at most 50 % either side of the middle, got {value}"));
    }

    private static void CheckItem(ItemSpec item, string path, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(item.Id))
            errors.Add(new($"{path}.id", "is required"));
        Dimension(item.Length, $"{path}.length", errors);
        Dimension(item.Width, $"{path}.width", errors);
        Dimension(item.Height, $"{path}.height", errors);
        if (!(double.IsFinite(item.WeightKg) && item.WeightKg >= 0))
            errors.Add(new($"{path}.weightKg", $"must be a number of kg at least 0, got {item.WeightKg}"));
        if (item.Quantity <= 0)
            errors.Add(new($"{path}.quantity", $"must be at least 1, got {item.Quantity}"));
        if ((item.AllowedVertical & VerticalAxes.Any) == VerticalAxes.None || (item.AllowedVertical & ~VerticalAxes.Any) != 0)
            errors.Add(new($"{path}.allowedVertical", "must allow at least one of length, width, height to stand vertical"));
        if (item.MaxLoadKg is { } load && !(double.IsFinite(load) && load >= 0))
            errors.Add(new($"{path}.maxLoadKg", $"must be a number of kg at least 0, got {load}"));
    }

    private static void Dimension(double value, string field, List<FieldError> errors)
    {
        // Plans are resolved to 1 mm, so anything shorter cannot be represented.
        if (!double.IsFinite(value) || value < Units.MinimumCm || value > Units.MaximumCm)
            errors.Add(new(field, $"must be a length between {Units.MinimumCm} and {Units.MaximumCm} cm, got {value}"));
    }
}
