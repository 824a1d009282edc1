using System.Globalization;

namespace Kitt.Dashboard.HostMetrics;

/// <summary>Parsers for the Linux /proc files the host sampler reads; pure, so they are tested on fixed text.</summary>
internal static class ProcFiles
{
    /// <summary>Busy and total jiffies from the aggregate <c>cpu</c> line of /proc/stat.</summary>
    public static (ulong Busy, ulong Total) ParseCpuTimes(string procStat)
    {
        var line = procStat.AsSpan(0, procStat.IndexOf('\n') is var end and >= 0 ? end : procStat.Length);
        var fields = line.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[0] != "cpu")
        {
            throw new FormatException("/proc/stat does not start with the aggregate cpu line.");
        }

        ulong total = 0;
        var values = new ulong[fields.Length - 1];
        for (var i = 1; i < fields.Length; i++)
        {
            values[i - 1] = ulong.Parse(fields[i], CultureInfo.InvariantCulture);
        }

        // user nice system idle iowait irq softirq steal [guest guest_nice]: guest time is already in user/nice.
        for (var i = 0; i < Math.Min(values.Length, 8); i++)
        {
            total += values[i];
        }

        var idle = values[3] + (values.Length > 4 ? values[4] : 0);
        return (total - idle, total);
    }

    /// <summary>CPU busy percentage between two /proc/stat readings.</summary>
    public static double CpuPercent((ulong Busy, ulong Total) before, (ulong Busy, ulong Total) after)
    {
        var total = after.Total - before.Total;
        return total == 0 ? 0 : Math.Clamp(100.0 * (after.Busy - before.Busy) / total, 0, 100);
    }

    /// <summary>Used and total bytes from /proc/meminfo; used = total minus what the kernel says is available.</summary>
    public static (long Used, long Total) ParseMemory(string meminfo)
    {
        long total = -1, available = -1;
        foreach (var line in meminfo.Split('\n'))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                total = KiloBytes(line);
            }
            else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                available = KiloBytes(line);
            }
        }

        if (total < 0 || available < 0)
        {
            throw new FormatException("/proc/meminfo lacks MemTotal or MemAvailable.");
        }

        return (total - available, total);
    }

    public static (double One, double Five, double Fifteen) ParseLoad(string loadavg)
    {
        var fields = loadavg.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 3)
        {
            throw new FormatException("/proc/loadavg has fewer than three load figures.");
        }

        return (Parse(fields[0]), Parse(fields[1]), Parse(fields[2]));

        static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
    }

    private static long KiloBytes(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(fields[1], CultureInfo.InvariantCulture) * 1024;
    }
}
