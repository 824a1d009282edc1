namespace Kitt.Dashboard.Protocol;

/// <summary>
/// <c>shipment_request</c>: boxes in cm and kg with width, height and depth as the original protocol names them.
/// The container is optional (the default preset is used) and so is the reference (one is made up). The client's
/// own <see cref="ShipmentId"/> is kept and every result about the shipment carries it back; a box without a
/// <c>sku</c> is named after its line (<see cref="UnnamedSku"/>).
/// </summary>
public sealed class ShipmentRequestPayload : IKittPayload
{
    /// <summary>The client system's id of the shipment, e.g. <c>SH-001</c>: unique per client, echoed in every result.</summary>
    public string? ShipmentId { get; set; }

    public string? Reference { get; set; }

    public string? Origin { get; set; }

    public string? Destination { get; set; }

    public string? Priority { get; set; }

    public string? RouteConditions { get; set; }

    /// <summary>One container (as before several could be given); one unless <see cref="KittContainer.Count"/> says.</summary>
    public KittContainer? Container { get; set; }

    /// <summary>Container kinds filled in this order, each as many as needed unless its count says.</summary>
    public List<KittContainer?>? Containers { get; set; }

    public List<KittItem?>? Items { get; set; }

    public void Validate(PayloadCheck check)
    {
        check.Optional(ShipmentId, "shipment_id", ShipmentLimits.MaxExternalId);
        check.Optional(Reference, "reference", ShipmentLimits.MaxReference);
        check.Required(Origin, "origin", ShipmentLimits.MaxPlace);
        check.Required(Destination, "destination", ShipmentLimits.MaxPlace);
        check.OneOf(Priority, "priority", ShipmentPriority.All, required: false);
        check.OneOf(RouteConditions, "route_conditions", Protocol.RouteConditions.All, required: false);
        if (Container is { } container)
        {
            CheckContainer(check, container, "container");
        }

        if (Containers is { Count: > 0 } containers)
        {
            if (Container is not null)
            {
                check.Fail("containers", "give either container or containers, not both");
            }

            for (var i = 0; i < containers.Count; i++)
            {
                if (containers[i] is { } kind)
                {
                    CheckContainer(check, kind, $"containers[{i}]");
                }
                else
                {
                    check.Fail($"containers[{i}]", "is required");
                }
            }
        }

        if (Items is not { Count: > 0 })
        {
            check.Fail("items", "at least one item is required");
            return;
        }

        for (var i = 0; i < Items.Count; i++)
        {
            var field = $"items[{i}]";
            if (Items[i] is not { } item)
            {
                check.Fail(field, "is required");
                continue;
            }

            check.Optional(item.Sku, field + ".sku", ShipmentLimits.MaxSku);
            check.Positive(item.Width, field + ".width");
            check.Positive(item.Height, field + ".height");
            check.Positive(item.Depth, field + ".depth");
            check.Positive(item.Weight, field + ".weight");
            if (item.Quantity is < 1)
            {
                check.Fail(field + ".quantity", "must be >= 1, got " + item.Quantity);
            }

            check.NotNegative(item.MaxLoad, field + ".max_load");
            check.NotNegative(item.Stop, field + ".stop");
        }
    }

    private static void CheckContainer(PayloadCheck check, KittContainer container, string field)
    {
        check.Optional(container.Type, field + ".type", ShipmentLimits.MaxEquipmentCode);
        if (container.Type is null || container.Width is not null)
        {
            check.Positive(container.Width, field + ".width");
        }

        if (container.Type is null || container.Height is not null)
        {
            check.Positive(container.Height, field + ".height");
        }

        if (container.Type is null || container.Depth is not null)
        {
            check.Positive(container.Depth, field + ".depth");
        }

        if (container.MaxWeight is not null)
        {
            check.Positive(container.MaxWeight, field + ".max_weight");
        }

        for (var a = 0; a < (container.Axles?.Count ?? 0); a++)
        {
            var axle = $"{field}.axles[{a}]";
            if (container.Axles![a] is not { } group)
            {
                check.Fail(axle, "is required");
                continue;
            }

            if (group.Position is null)
            {
                check.Fail(axle + ".position", "is required");
            }

            check.NotNegative(group.MaxLoad, axle + ".max_load");
            if (group.MaxLoad is null)
            {
                check.Fail(axle + ".max_load", "is required");
            }
        }

        if (container.Count is < 1)
        {
            check.Fail(field + ".count", "must be >= 1, or left out for as many as needed; got " + container.Count);
        }
    }

    /// <summary>The name a box without a <c>sku</c> gets: <c>item-1</c> for the first line, stable for the request.</summary>
    public static string UnnamedSku(int line) => $"item-{line + 1}";

    /// <summary>The store names fields as the REST API spells them; a client of this protocol knows other names.</summary>
    public static string ProtocolField(string restField) => "payload." + restField
        .Replace(".lengthwisePercent", ".lengthwise_percent", StringComparison.Ordinal) // before ".length" below
        .Replace(".sidewaysPercent", ".sideways_percent", StringComparison.Ordinal)
        .Replace(".length", ".depth", StringComparison.Ordinal)
        .Replace(".weightKg", ".weight", StringComparison.Ordinal)
        .Replace(".maxPayloadKg", ".max_weight", StringComparison.Ordinal)
        .Replace(".maxLoadKg", ".max_load", StringComparison.Ordinal)
        .Replace(".thisSideUp", ".this_side_up", StringComparison.Ordinal)
        .Replace(".floorOnly", ".floor_only", StringComparison.Ordinal)
        .Replace(".positionCm", ".position", StringComparison.Ordinal)
        .Replace("routeConditions", "route_conditions", StringComparison.Ordinal)
        .Replace("externalId", "shipment_id", StringComparison.Ordinal);
}

/// <summary>A container as the protocol names its sides: its length is the depth.</summary>
public sealed class KittContainer
{
    /// <summary>The equipment's code in the dashboard's library (<c>40HC</c>); its sizes fill those left out.</summary>
    public string? Type { get; set; }

    public double? Width { get; set; }

    public double? Height { get; set; }

    public double? Depth { get; set; }

    public double? MaxWeight { get; set; }

    /// <summary>How many of this kind may be used.</summary>
    public int? Count { get; set; }

    /// <summary>Where the load's centre of gravity may lie, % of the depth and width either side of the middle.</summary>
    public KittBalance? Balance { get; set; }

    /// <summary>Two axle groups, the one nearer the back wall first: position in cm from the back wall, max_load in kg.</summary>
    public List<KittAxle?>? Axles { get; set; }
}

public sealed class KittBalance
{
    public double? LengthwisePercent { get; set; }

    public double? SidewaysPercent { get; set; }
}

public sealed class KittAxle
{
    public double? Position { get; set; }

    public double? MaxLoad { get; set; }

    /// <summary>In a result: the cargo weight the group carries, kg.</summary>
    public double? Load { get; set; }
}

/// <summary>One container of a <c>packing_result</c>, in load order: its kind (from 0 in the request's list), its
/// sides, what it holds and its centre of gravity (cm from the back wall, the left side and the floor).</summary>
public sealed class KittContainerLoad
{
    public int? Index { get; set; }

    public int? Kind { get; set; }

    public string? Type { get; set; }

    public double? Width { get; set; }

    public double? Height { get; set; }

    public double? Depth { get; set; }

    public int? Boxes { get; set; }

    public double? Utilization { get; set; }

    public double? Weight { get; set; }

    public KittPoint? CenterOfGravity { get; set; }

    /// <summary>The cargo weight on each axle group, when axles were given.</summary>
    public List<KittAxle>? AxleLoads { get; set; }

    /// <summary>Why the balance is not as asked; empty when it is.</summary>
    public List<string>? BalanceProblems { get; set; }
}

/// <summary>A point in a container as the protocol names its axes: x along the depth, y across, z up; cm.</summary>
public sealed class KittPoint
{
    public double? X { get; set; }

    public double? Y { get; set; }

    public double? Z { get; set; }
}

public sealed class KittItem
{
    public string? Sku { get; set; }

    public double? Width { get; set; }

    public double? Height { get; set; }

    public double? Depth { get; set; }

    public double? Weight { get; set; }

    public int? Quantity { get; set; }

    public bool? Fragile { get; set; }

    public bool? ThisSideUp { get; set; }

    /// <summary>Must stand on the container floor (machinery, pallets not to be lifted).</summary>
    public bool? FloorOnly { get; set; }

    public double? MaxLoad { get; set; }

    public int? Stop { get; set; }
}
