using Kitt.Dashboard.Protocol;
using Kitt.Packing;

namespace Kitt.Dashboard.Shipments;

/// <summary>What a shipment must satisfy before it is stored; every problem names its field as spelled in JSON.</summary>
public static class ShipmentRules
{
    public const int MaxReference = ShipmentLimits.MaxReference;
    public const int MaxPlace = ShipmentLimits.MaxPlace;
    public const int MaxSku = ShipmentLimits.MaxSku;
    public const int MaxLines = 2_000;
    public const int MaxBoxes = 10_000;

    /// <summary>Most container kinds one shipment lists: a load plan chooses among a few kinds, not a fleet.</summary>
    public const int MaxContainerKinds = 20;

    /// <summary>Most containers of one kind a shipment may ask for; left out, as many as the boxes need.</summary>
    public const int MaxContainerCount = 100;

    public static IReadOnlyList<FieldError> Check(ShipmentRequest request)
    {
        var errors = new List<FieldError>();
        Text(request.Reference, "reference", MaxReference, errors);
        if (request.ExternalId is { } external && (external.Trim().Length == 0 || external.Length > ShipmentLimits.MaxExternalId))
        {
            errors.Add(new("externalId", $"must be 1 to {ShipmentLimits.MaxExternalId} characters, got {external.Length}"));
        }

        Text(request.Origin, "origin", MaxPlace, errors);
        Text(request.Destination, "destination", MaxPlace, errors);
        if (request.Priority is { } priority && !ShipmentPriority.All.Contains(priority))
        {
            errors.Add(new("priority", $"must be one of {string.Join(", ", ShipmentPriority.All)}, got '{priority}'"));
        }

        if (request.RouteConditions is { } route && !RouteConditions.All.Contains(route))
        {
            errors.Add(new("routeConditions", $"must be one of {string.Join(", ", RouteConditions.All)}, got '{route}'"));
        }

        errors.AddRange(CheckLoad(request.Container, request.Containers, request.Items));
        return errors;
    }

    /// <summary>The containers and the items alone, as a shipment or a packing preview carries them: one
    /// <paramref name="container"/> or a list of <paramref name="containers"/>.</summary>
    public static IReadOnlyList<FieldError> CheckLoad(ContainerInput? container, IReadOnlyList<ContainerInput?>? containers,
        IReadOnlyList<ItemInput?>? items, int maxBoxes = MaxBoxes)
    {
        var errors = new List<FieldError>();
        var lone = containers is not { Count: > 0 };
        IReadOnlyList<ContainerInput?> kinds = lone ? (container is null ? [] : [container]) : containers!;
        if (!lone && container is not null)
        {
            errors.Add(new("containers", "give either container or containers, not both"));
        }
        else if (kinds.Count == 0)
        {
            errors.Add(new("container", "is required, or containers with at least one container"));
        }
        else if (kinds.Count > MaxContainerKinds)
        {
            errors.Add(new("containers", $"at most {MaxContainerKinds} container kinds, got {kinds.Count}"));
        }

        var listed = errors.Count == 0;
        for (var i = 0; listed && i < kinds.Count; i++)
        {
            var field = lone ? "container" : $"containers[{i}]";
            if (kinds[i] is not { } kind)
            {
                errors.Add(new(field, "is required"));
            }
            else if (kind.Count > MaxContainerCount)
            {
                errors.Add(new(field + ".count", $"at most {MaxContainerCount}, or left out for as many as needed; got {kind.Count}"));
            }
            else
            {
                for (var a = 0; a < (kind.Axles?.Count ?? 0); a++)
                {
                    if (kind.Axles![a] is { } axle)
                    {
                        Required(axle.PositionCm, $"{field}.axles[{a}].positionCm", errors);
                        Required(axle.MaxLoadKg, $"{field}.axles[{a}].maxLoadKg", errors);
                    }
                }
            }
        }

        var kindsGiven = errors.Count == 0;
        if (items is null || items.Count == 0)
        {
            errors.Add(new("items", "at least one item is required"));
            return errors;
        }

        if (items.Count > MaxLines)
        {
            errors.Add(new("items", $"at most {MaxLines} lines, got {items.Count}"));
            return errors;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                errors.Add(new($"items[{i}]", "is required"));
            }
            else
            {
                if (item.Sku is { Length: > MaxSku })
                {
                    errors.Add(new($"items[{i}].sku", $"at most {MaxSku} characters"));
                }

                if (item.Stop is < 0)
                {
                    errors.Add(new($"items[{i}].stop", $"must be 0 or more, got {item.Stop}"));
                }
            }
        }

        var boxes = items.Sum(i => (long)Math.Max(0, i?.Quantity ?? 1));
        if (boxes > maxBoxes)
        {
            errors.Add(new("items", $"{boxes} boxes; at most {maxBoxes} at once"));
        }

        if (kindsGiven && items.All(i => i is not null))
        {
            errors.AddRange(RequestValidator.Check(ShipmentRequest.PackingRequestOf([.. kinds.Select(k => k!)], items!)).Select(e => new FieldError(JsonName(e.Field, lone), e.Message)));
        }

        return errors;
    }

    /// <summary>Groups the problems by field, as problem details' <c>errors</c> carry them.</summary>
    public static Dictionary<string, string[]> ByField(IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => $"{g.Key} {e.Message}").ToArray());

    // The engine speaks of a list of container kinds and item ids; a shipment may have one container, and has SKUs.
    private static string JsonName(string engineField, bool lone) =>
        lone && engineField.StartsWith("containers[0]", StringComparison.Ordinal)
            ? "container" + engineField["containers[0]".Length..]
            : engineField.EndsWith(".id", StringComparison.Ordinal) ? engineField[..^3] + ".sku" : engineField;

    private static void Required(double? value, string field, List<FieldError> errors)
    {
        if (value is null)
        {
            errors.Add(new(field, "is required"));
        }
    }

    private static void Text(string? value, string field, int max, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "is required"));
        }
        else if (value.Length > max)
        {
            errors.Add(new(field, $"at most {max} characters, got {value.Length}"));
        }
    }
}
