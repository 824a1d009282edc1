using System.Text.Json;

namespace Kitt.Dashboard.Containers;

/// <summary>
/// The fields of the engine's stats document that the dashboard reads (<c>GET /containers/{id}/stats</c>), parsed
/// with System.Text.Json only when a poll needs them.
/// </summary>
public sealed record StatsSample(
    CpuStats? CpuStats,
    CpuStats? PrecpuStats,
    MemoryStats? MemoryStats,
    IReadOnlyDictionary<string, NetworkStats>? Networks,
    BlkioStats? BlkioStats,
    PidsStats? PidsStats)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static StatsSample? Parse(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<StatsSample>(json, Options);
}

public sealed record CpuStats(CpuUsage? CpuUsage, ulong SystemCpuUsage, uint OnlineCpus);

public sealed record CpuUsage(ulong TotalUsage, IReadOnlyList<ulong>? PercpuUsage);

public sealed record MemoryStats(ulong Usage, ulong Limit, IDictionary<string, ulong>? Stats);

public sealed record NetworkStats(ulong RxBytes, ulong TxBytes);

public sealed record BlkioStats(IReadOnlyList<BlkioEntry>? IoServiceBytesRecursive);

public sealed record BlkioEntry(string? Op, ulong Value);

public sealed record PidsStats(ulong Current);
