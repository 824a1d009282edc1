namespace Kitt.Dashboard.Protocol;

/// <summary>A shipment's state as every transport spells it (REST, sockets, Kafka, MCP).</summary>
public static class ShipmentStatus
{
    public const string Queued = "queued";
    public const string Packing = "packing";
    public const string Packed = "packed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsFinished(string status) => status is Packed or Failed or Cancelled;
}

public static class ShipmentPriority
{
    public const string Low = "low";
    public const string Normal = "normal";
    public const string High = "high";
    public const string Urgent = "urgent";

    public static readonly IReadOnlyList<string> All = [Low, Normal, High, Urgent];
}

/// <summary>Road conditions on a shipment's route; they weigh on its damage risk.</summary>
public static class RouteConditions
{
    public static readonly IReadOnlyList<string> All = ["good", "fair", "poor"];
}

/// <summary>Lengths of a shipment's texts, the same on the wire and in the store.</summary>
public static class ShipmentLimits
{
    public const int MaxReference = 64;
    public const int MaxPlace = 128;
    public const int MaxSku = 64;

    /// <summary>A client system's own id of a shipment (the protocol's <c>shipment_id</c>).</summary>
    public const int MaxExternalId = 64;

    /// <summary>An equipment code in the library (<c>40HC</c>).</summary>
    public const int MaxEquipmentCode = 16;
}
