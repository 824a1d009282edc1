using Kitt.Dashboard.Health;

namespace Kitt.Dashboard.Containers;

/// <summary>One container as the engine lists it.</summary>
public sealed record ContainerRow(
    string Id,
    string Name,
    string Image,
    string State,
    string Status,
    DateTimeOffset Created);

/// <summary>
/// Everything the Containers views need from one poll, published on the <c>containers</c> topic: the rows and
/// whether the engine could be read at all, so a grid can say why it is empty.
/// </summary>
public sealed record ContainersSnapshot(
    DateTimeOffset At,
    string Endpoint,
    ComponentStatus SourceStatus,
    string? SourceReason,
    IReadOnlyList<ContainerRow> Containers)
{
    public bool SourceAvailable => SourceStatus == ComponentStatus.Running;
}
