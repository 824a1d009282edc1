using Kitt.Dashboard.HostMetrics;

namespace Kitt.Dashboard.Tests.HostMetrics;

public sealed class ProcFilesTests
{
    [Fact]
    public void Cpu_percent_is_busy_share_of_elapsed_jiffies()
    {
        var before = ProcFiles.ParseCpuTimes("cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 1 2 3 4\n");
        var after = ProcFiles.ParseCpuTimes("cpu  250 0 150 750 100 0 0 0 50 0\ncpu0 1 2 3 4\n");

        // busy grew by 200 (user 150 + system 50), idle by 50; guest is already inside user.
        Assert.Equal(80.0, ProcFiles.CpuPercent(before, after), precision: 6);
    }

    [Fact]
    public void Memory_used_is_total_minus_available()
    {
        var (used, total) = ProcFiles.ParseMemory("MemTotal:       1000 kB\nMemFree:         100 kB\nMemAvailable:    250 kB\n");
        Assert.Equal(1000 * 1024, total);
        Assert.Equal(750 * 1024, used);
    }

    [Fact]
    public void Load_reads_three_figures()
    {
        Assert.Equal((0.5, 1.25, 2.0), ProcFiles.ParseLoad("0.50 1.25 2.00 1/123 4567\n"));
    }

    [Theory]
    [InlineData("intr 1 2 3\n")]
    [InlineData("cpu 1 2\n")]
    public void Malformed_stat_is_a_format_error(string text)
    {
        Assert.Throws<FormatException>(() => ProcFiles.ParseCpuTimes(text));
    }

    [Fact]
    public void Meminfo_without_available_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => ProcFiles.ParseMemory("MemTotal: 1 kB\n"));
    }

    [Fact]
    public void Parses_this_machines_proc_files()
    {
        var (busy, total) = ProcFiles.ParseCpuTimes(File.ReadAllText("/proc/stat"));
        Assert.InRange(busy, 0UL, total);
        var (used, memTotal) = ProcFiles.ParseMemory(File.ReadAllText("/proc/meminfo"));
        Assert.InRange(used, 1, memTotal);
    }
}
