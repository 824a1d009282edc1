using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using Kitt.Dashboard.Containers;
using Kitt.Testing;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// One Docker poll (list + inspect + usage of every container) against a private dockerd running <c>count</c>
/// idle containers: the poll's wall time, and this process's CPU time over each whole 3 s interval (the stats
/// streams are read between polls too) as a share of one core. Polls are paced at that interval, as the
/// dashboard does. Baselines in the same run: the bare list call every poll starts with, and a poll by a fresh
/// reader, which has no stream samples yet and asks the engine for one-shot stats (stream=false).
/// </summary>
internal static class PollBench
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(int count, int polls)
    {
        var engine = new DockerEngine();
        await engine.InitializeAsync();
        try
        {
            Console.WriteLine($"starting {count} containers on a private dockerd…");
            for (var i = 0; i < count; i++)
            {
                await engine.DockerAsync("run", "-d", "--network", "none", "--name", $"bench-{i:00}", DockerEngine.Image, "sleep", "3600");
            }

            using var client = new DockerClientConfiguration(new Uri(engine.Endpoint)).CreateClient();
            using var http = EngineHttp.Create(engine.Endpoint);
            using var reader = new ContainerReader(client, http);
            var listed = await reader.ReadAsync(CancellationToken.None); // warm-up: connections, JIT
            Console.WriteLine($"{listed.Count} containers, {listed.Count(r => r.Usage is not null)} with stats");

            var walls = new List<double>();
            var cpus = new List<double>();
            var lists = new List<double>();
            var oneShots = new List<double>();
            var self = Process.GetCurrentProcess();
            for (var i = 0; i < polls; i++)
            {
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                await Task.Delay(Interval);
                var watch = Stopwatch.StartNew();
                var rows = await reader.ReadAsync(CancellationToken.None);
                walls.Add(watch.Elapsed.TotalMilliseconds);
                self.Refresh();
                cpus.Add((self.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                if (rows.Count != count || rows.Any(r => r.Usage is null))
                {
                    throw new InvalidOperationException($"poll saw {rows.Count} containers ({rows.Count(r => r.Usage is null)} without usage), expected {count} with usage");
                }

                var listWatch = Stopwatch.StartNew();
                await client.Containers.ListContainersAsync(new ContainersListParameters { All = true });
                lists.Add(listWatch.Elapsed.TotalMilliseconds);
                if (i % 5 == 4)
                {
                    using var fresh = new ContainerReader(client, http);
                    var oneShot = Stopwatch.StartNew();
                    await fresh.ReadAsync(CancellationToken.None);
                    oneShots.Add(oneShot.Elapsed.TotalMilliseconds);
                }

                Console.WriteLine($"poll {i + 1}: {walls[^1]:0} ms wall, {cpus[^1]:0} ms CPU in the interval, {reader.OpenStreams} streams (list alone {lists[^1]:0.0} ms)");
            }

            var wall = Percentiles.Median(walls);
            var cpu = Percentiles.Median(cpus);
            Console.WriteLine(
                $"one poll of {count} containers: median {wall:0} ms wall (p95 {Percentiles.Of(walls, 95):0} ms); " +
                $"median {cpu:0} ms CPU per {Interval.TotalSeconds:0} s interval = {100 * cpu / Interval.TotalMilliseconds:0.0} % of one core; " +
                $"bare list median {Percentiles.Median(lists):0.0} ms (poll/list {wall / Percentiles.Median(lists):0.0}x); " +
                $"one-shot poll by a fresh reader median {Percentiles.Median(oneShots):0} ms (poll/fresh {wall / Percentiles.Median(oneShots):0.00}x)");
            return 0;
        }
        finally
        {
            await engine.DisposeAsync();
        }
    }
}
