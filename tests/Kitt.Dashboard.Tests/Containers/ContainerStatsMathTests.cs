using Kitt.Dashboard.Containers;

namespace Kitt.Dashboard.Tests.Containers;

public sealed class ContainerStatsMathTests
{
    [Fact]
    public void Cpu_is_the_share_of_system_time_times_online_cpus()
    {
        // 0.2 s of container CPU in 2 s of system time (all CPUs) on 2 CPUs: 20 %.
        Assert.Equal(20.0, ContainerStatsMath.CpuPercent(1_200, 1_000, 12_000, 10_000, onlineCpus: 2, perCpuEntries: 0), precision: 9);
    }

    [Fact]
    public void Cpu_falls_back_to_the_per_cpu_count_when_online_cpus_is_missing()
    {
        Assert.Equal(40.0, ContainerStatsMath.CpuPercent(1_200, 1_000, 12_000, 10_000, onlineCpus: 0, perCpuEntries: 4), precision: 9);
    }

    [Theory]
    [InlineData(1_000UL, 1_000UL)] // no previous sample yet
    [InlineData(900UL, 1_000UL)] // counter went backwards (container restarted)
    public void Cpu_is_zero_without_a_usable_previous_sample(ulong total, ulong previous)
    {
        Assert.Equal(0, ContainerStatsMath.CpuPercent(total, previous, 12_000, 10_000, 2, 0));
    }

    [Fact]
    public void Memory_excludes_the_inactive_page_cache_on_cgroup_v2_and_v1()
    {
        Assert.Equal(700UL, ContainerStatsMath.MemoryUsed(1_000, new Dictionary<string, ulong> { ["inactive_file"] = 300 }));
        Assert.Equal(600UL, ContainerStatsMath.MemoryUsed(1_000, new Dictionary<string, ulong> { ["total_inactive_file"] = 400 }));
        Assert.Equal(1_000UL, ContainerStatsMath.MemoryUsed(1_000, null));
        Assert.Equal(1_000UL, ContainerStatsMath.MemoryUsed(1_000, new Dictionary<string, ulong> { ["inactive_file"] = 5_000 }));
    }
}
