namespace Kitt.Dashboard.Containers;

/// <summary>Network rates from two consecutive polls: the engine reports counters, operators read rates.</summary>
internal static class NetworkRates
{
    public static IReadOnlyList<ContainerRow> Apply(IReadOnlyList<ContainerRow> rows, DateTimeOffset at, ContainersSnapshot? previous)
    {
        if (previous is not { SourceAvailable: true } || at <= previous.At)
        {
            return rows;
        }

        var seconds = (at - previous.At).TotalSeconds;
        var before = previous.Containers.Where(r => r.Usage is not null).ToDictionary(r => r.Id, r => r.Usage!, StringComparer.Ordinal);
        return [.. rows.Select(row => row.Usage is { } now && before.TryGetValue(row.Id, out var then)
            ? row with
            {
                Usage = now with
                {
                    NetRxBytesPerSecond = Rate(then.NetRxBytes, now.NetRxBytes, seconds),
                    NetTxBytesPerSecond = Rate(then.NetTxBytes, now.NetTxBytes, seconds),
                },
            }
            : row)];
    }

    // A restarted container starts its counters again from zero: no negative rate for that interval.
    private static double Rate(long before, long now, double seconds) => now >= before ? (now - before) / seconds : 0;
}
