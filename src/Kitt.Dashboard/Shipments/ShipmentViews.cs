namespace Kitt.Dashboard.Shipments;

/// <summary>A row of the shipment list and of <c>GET /api/shipments</c>.</summary>
public sealed record ShipmentSummary(
    long Id,
    string Reference,
    string Origin,
    string Destination,
    string Priority,
    string Status,
    int Lines,
    int Boxes,
    double? Utilization,
    double? RiskScore,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The body of <c>GET /api/shipments/{id}</c>.</summary>
public sealed record ShipmentDetails(
    long Id,
    string Reference,
    string Origin,
    string Destination,
    string Priority,
    string? RouteConditions,
    string Status,
    string? Error,
    ContainerInput Container,
    IReadOnlyList<ItemInput> Items,
    int Attempts,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    PlanSummary? Plan,
    string? ExternalId = null)
{
    /// <summary>Every container kind, in the order they are filled; <see cref="Container"/> is the first.</summary>
    public IReadOnlyList<ContainerInput> Containers { get; init; } = [Container];
}

public sealed record PlanSummary(double Utilization, int Placed, int Unplaced, double RiskScore, string RiskLevel, double ElapsedMs, DateTimeOffset CreatedAt, int ContainersUsed);

/// <summary>The body of <c>GET /api/shipments/{id}/plan</c> and what the 3D view draws.</summary>
public sealed record PlanView(
    long ShipmentId,
    string Reference,
    string Status,
    double? Utilization,
    ContainerInput Container,
    IReadOnlyList<PlacementView> Placements,
    IReadOnlyList<UnplacedLine> Unplaced,
    DamageRiskView? Risk)
{
    /// <summary>Each container used, in load order; placements name theirs by <see cref="ContainerLoadView.Index"/>.</summary>
    public IReadOnlyList<ContainerLoadView> Containers { get; init; } = [];

    /// <summary>The sizes of the container a box is in: its own kind's, or the first kind's for plans that did not
    /// record one per container.</summary>
    public ContainerInput ContainerAt(int index) =>
        index >= 0 && index < Containers.Count ? Containers[index].Sizes : Container;
}

/// <summary>One placed box. <c>line</c> is its shipment line, <c>weightKg</c>, <c>fragile</c> and <c>stop</c> come from it.</summary>
public sealed record PlacementView(
    string Sku,
    double X,
    double Y,
    double Z,
    double Length,
    double Width,
    double Height,
    int Sequence,
    int Container,
    int Line,
    double WeightKg,
    bool Fragile,
    int? Stop,
    double SupportFraction);

public sealed record DamageRiskView(double Score, string Level, IReadOnlyList<RiskFactor> Factors);

/// <summary>A packed shipment and its plan as loading steps: what the instructions, the report and a share link show.</summary>
public sealed record ShipmentLoading(ShipmentDetails Details, LoadingSequence Sequence);

/// <summary>The body of <c>POST /api/shipments/import</c>: the items read, to send in a shipment's <c>items</c>.</summary>
public sealed record ItemImportResult(IReadOnlyList<ItemInput> Items);
