namespace Kitt.Dashboard.Containers;

/// <summary>One start, stop or restart asked of the engine: who, what, when, and how it went.</summary>
public sealed class ContainerAuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The signed-in user, or <c>api-key:NAME</c> for a key.</summary>
    public required string User { get; set; }

    public required string ContainerId { get; set; }

    public required string ContainerName { get; set; }

    /// <summary><c>start</c>, <c>stop</c> or <c>restart</c>.</summary>
    public required string Action { get; set; }

    /// <summary><c>done</c>, <c>unchanged</c> (already in that state), <c>not-found</c> or <c>failed</c>.</summary>
    public required string Result { get; set; }

    public string? Error { get; set; }
}
