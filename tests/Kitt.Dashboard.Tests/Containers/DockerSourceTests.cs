using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Realtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Tests.Containers;

/// <summary>The Docker source against a real engine: what it lists, and what it says when the engine goes away.</summary>
public sealed class DockerSourceTests(DockerEngine engine) : IClassFixture<DockerEngine>
{
    [Fact]
    public async Task Lists_running_and_exited_containers_of_a_real_engine()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await engine.DockerAsync("run", "-d", "--network", "none", "--name", "sleeper-" + suffix, DockerEngine.Image, "sleep", "300");
        await engine.DockerAsync("run", "--network", "none", "--name", "crasher-" + suffix, DockerEngine.Image, "sh", "-c", "exit 3").ContinueWith(_ => { });

        var snapshot = await FirstSnapshotAsync(engine.Endpoint, s => s.Containers.Count(c => c.Name.EndsWith(suffix, StringComparison.Ordinal)) == 2);

        Assert.Equal(ComponentStatus.Running, snapshot.SourceStatus);
        var sleeper = snapshot.Containers.Single(c => c.Name == "sleeper-" + suffix);
        Assert.Equal("running", sleeper.State);
        Assert.Equal(DockerEngine.Image, sleeper.Image);
        var crasher = snapshot.Containers.Single(c => c.Name == "crasher-" + suffix);
        Assert.Equal("exited", crasher.State);
        Assert.Contains("Exited (3)", crasher.Status);
    }

    [Fact]
    public async Task A_busy_container_shows_cpu_memory_and_processes_and_a_stopped_one_shows_none()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await engine.DockerAsync("run", "-d", "--network", "none", "--name", "busy-" + suffix, DockerEngine.Image, "sh", "-c", "yes > /dev/null");
        await engine.DockerAsync("create", "--network", "none", "--name", "idle-" + suffix, DockerEngine.Image, "sleep", "1");

        var snapshot = await FirstSnapshotAsync(engine.Endpoint, s =>
            s.Containers.Any(c => c.Name == "busy-" + suffix && c.Usage is { CpuPercent: > 1 }) && s.Containers.Any(c => c.Name == "idle-" + suffix));

        var busy = snapshot.Containers.Single(c => c.Name == "busy-" + suffix);
        Assert.InRange(busy.Usage!.CpuPercent, 1, 100.0 * Environment.ProcessorCount);
        Assert.True(busy.Usage.MemoryBytes > 0, "memory in use");
        Assert.True(busy.Usage.MemoryLimitBytes >= busy.Usage.MemoryBytes, "limit at least the use");
        Assert.InRange(busy.Usage.Pids, 1, 10); // busybox sh execs `yes` in its place
        Assert.Equal("none", busy.Health);
        Assert.NotNull(busy.StartedAt);
        var idle = snapshot.Containers.Single(c => c.Name == "idle-" + suffix);
        Assert.Equal("created", idle.State);
        Assert.Null(idle.Usage);

        await engine.DockerAsync("rm", "-f", "busy-" + suffix, "idle-" + suffix);
    }

    [Fact]
    public async Task An_engine_that_is_gone_is_named_in_the_snapshot()
    {
        var missing = $"unix:///tmp/{Guid.NewGuid():N}/docker.sock";

        var snapshot = await FirstSnapshotAsync(missing, _ => true);

        Assert.Equal(ComponentStatus.Unavailable, snapshot.SourceStatus);
        Assert.Equal($"no Docker engine at {missing}", snapshot.SourceReason);
        Assert.Empty(snapshot.Containers);
    }

    [Fact]
    public async Task A_socket_that_refuses_connections_is_reported_not_thrown()
    {
        // A stale socket file with no daemon behind it, as after a crashed engine.
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".sock");
        using (var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified))
        {
            listener.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
        }

        try
        {
            var snapshot = await FirstSnapshotAsync("unix://" + path, _ => true);
            Assert.Equal(ComponentStatus.Unavailable, snapshot.SourceStatus);
            Assert.Contains("unix://" + path, snapshot.SourceReason);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<ContainersSnapshot> FirstSnapshotAsync(string endpoint, Func<ContainersSnapshot, bool> until)
    {
        var hub = new TopicHub(NullLogger<TopicHub>.Instance);
        var states = new ComponentStates(TimeProvider.System, NullLogger<ComponentStates>.Instance);
        var found = new TaskCompletionSource<ContainersSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = hub.Subscribe(Topics.Containers, (batch, _) =>
        {
            if (until(batch[^1]))
            {
                found.TrySetResult(batch[^1]);
            }

            return ValueTask.CompletedTask;
        });
        using var source = new DockerSource(
            hub,
            states,
            Options.Create(new DockerOptions { Endpoint = endpoint, PollSeconds = 1 }),
            Options.Create(new RealtimeOptions()),
            TimeProvider.System,
            NullLogger<DockerSource>.Instance);

        await source.StartAsync(CancellationToken.None);
        try
        {
            var snapshot = await found.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(snapshot.SourceStatus, states.Get(ComponentStates.Docker)?.Status ?? snapshot.SourceStatus);
            return snapshot;
        }
        finally
        {
            await source.StopAsync(CancellationToken.None);
        }
    }
}
