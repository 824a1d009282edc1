using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Realtime;
using Kitt.Testing;
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
        await engine.DockerAsync("rm", "-f", "sleeper-" + suffix, "crasher-" + suffix);
    }

    [Fact]
    public async Task A_busy_container_shows_cpu_memory_and_processes_and_a_stopped_one_shows_none()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await engine.DockerAsync("run", "-d", "--network", "none", "--name", "busy-" + suffix, DockerEngine.Image, "sh", "-c", "yes > /dev/null");
        await engine.DockerAsync("create", "--network", "none", "--name", "idle-" + suffix, DockerEngine.Image, "sleep", "1");

        var snapshot = await FirstSnapshotAsync(engine.Endpoint, s =>
            s.Containers.Any(c => c.Name == "busy-" + suffix && c.Usage is { CpuPercent: > 20 }) && s.Containers.Any(c => c.Name == "idle-" + suffix));

        var busy = snapshot.Containers.Single(c => c.Name == "busy-" + suffix);
        Assert.InRange(busy.Usage!.CpuPercent, 20, 100.0 * Environment.ProcessorCount);
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
    public async Task Failing_health_checks_and_exit_codes_show_in_the_rows()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await engine.DockerAsync(
            "run", "-d", "--network", "none", "--name", "sick-" + suffix,
            "--health-cmd", "false", "--health-interval", "1s", "--health-retries", "1",
            DockerEngine.Image, "sleep", "300");
        await engine.DockerAsync("run", "-d", "--network", "none", "--name", "failed-" + suffix, DockerEngine.Image, "sh", "-c", "exit 3");

        var snapshot = await FirstSnapshotAsync(engine.Endpoint, s =>
            s.Containers.Any(c => c.Name == "sick-" + suffix && c.Health == "unhealthy")
            && s.Containers.Any(c => c.Name == "failed-" + suffix && c.State == "exited"));

        Assert.Equal("unhealthy", snapshot.Containers.Single(c => c.Name == "sick-" + suffix).Health);
        Assert.Equal(3, snapshot.Containers.Single(c => c.Name == "failed-" + suffix).ExitCode);
        await engine.DockerAsync("rm", "-f", "sick-" + suffix, "failed-" + suffix);
    }

    [Fact]
    public async Task The_source_says_unavailable_when_the_engine_stops_and_recovers_when_it_returns()
    {
        var hub = new TopicHub(NullLogger<TopicHub>.Instance);
        var states = new ComponentStates(TimeProvider.System, NullLogger<ComponentStates>.Instance);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<ComponentStatus>();
        using var subscription = hub.Subscribe(ContainersSnapshot.Topic, (batch, _) =>
        {
            seen.Enqueue(batch[^1].SourceStatus);
            return ValueTask.CompletedTask;
        });
        using var source = NewSource(hub, states, engine.Endpoint);
        await source.StartAsync(CancellationToken.None);
        try
        {
            await Until(() => states.Get(ComponentStates.Docker)?.Status == ComponentStatus.Running);

            await engine.StopDaemonAsync();
            await Until(() => states.Get(ComponentStates.Docker)?.Status == ComponentStatus.Unavailable);
            Assert.Contains(engine.Endpoint, states.Get(ComponentStates.Docker)!.Reason);

            await engine.StartDaemonAsync();
            // Backoff doubles from 1 s while the engine is away; the first poll after it returns recovers.
            await Until(() => states.Get(ComponentStates.Docker)?.Status == ComponentStatus.Running, seconds: 60);
        }
        finally
        {
            await source.StopAsync(CancellationToken.None);
            await engine.StartDaemonAsync();
        }

        Assert.Contains(ComponentStatus.Unavailable, seen);
        Assert.Equal(ComponentStatus.Running, seen.Last());
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
        using var subscription = hub.Subscribe(ContainersSnapshot.Topic, (batch, _) =>
        {
            if (until(batch[^1]))
            {
                found.TrySetResult(batch[^1]);
            }

            return ValueTask.CompletedTask;
        });
        using var source = NewSource(hub, states, endpoint);

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

    private static DockerSource NewSource(TopicHub hub, ComponentStates states, string endpoint) => new(
        hub,
        states,
        Options.Create(new DockerOptions { Endpoint = endpoint, PollSeconds = 1 }),
        Options.Create(new FeatureOptions()),
        TimeProvider.System,
        new ContainerMetrics(Kitt.Testing.TestMeters.Factory),
        NullLogger<DockerSource>.Instance);

    private static async Task Until(Func<bool> condition, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
