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
