using System.Threading.Channels;
using Docker.DotNet;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Realtime;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Containers;

/// <summary>
/// Watches the Docker engine and publishes what it lists on <c>containers</c>. It follows the engine's event stream,
/// so a start, a death, an OOM kill or a health change reaches the list (and the alerts) the moment it happens, and
/// polls every <c>Docker:PollSeconds</c> for the usage figures and as the reconciler: a poll after every reconnect of
/// the stream catches what happened while it was away. When the engine is gone it says so, backs off, and recovers
/// by itself once the engine is back.
/// </summary>
public sealed class DockerSource(
    ITopicHub hub,
    ComponentStates states,
    IOptions<DockerOptions> dockerOptions,
    IOptions<FeatureOptions> realtime,
    TimeProvider clock,
    ContainerMetrics metrics,
    ILogger<DockerSource> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Written by the event follower after a reconnect: poll now, the stream missed what happened meanwhile.</summary>
    private static readonly RawEngineEvent Reconnected = new("reconnected", "", "", DateTimeOffset.MinValue, null, null);

    private readonly Dictionary<string, int> manualRestarts = new(StringComparer.Ordinal);
    private long reconnects;

    /// <summary>How often the event stream was connected again after it dropped.</summary>
    public long EventStreamReconnects => Interlocked.Read(ref reconnects);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = dockerOptions.Value;
        if (!realtime.Value.ContainerStats)
        {
            states.Report(ComponentStates.Docker, ComponentStatus.Disabled, "Features:ContainerStats is off");
            return;
        }

        states.Report(ComponentStates.Docker, ComponentStatus.Starting);
        states.Report(ComponentStates.DockerEvents, ComponentStatus.Starting);
        var poll = TimeSpan.FromSeconds(options.PollSeconds);
        var delay = poll;
        using var client = CreateClient(options.Endpoint);
        using var engine = EngineHttp.Create(options.Endpoint);
        using var events = EngineHttp.Create(options.Endpoint);
        using var reader = new ContainerReader(client, engine);
        // A burst (a compose project restarting) is bounded; the oldest go, and the poll after it is read again.
        var queue = Channel.CreateBounded<RawEngineEvent>(new BoundedChannelOptions(4096) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });
        var follower = FollowEventsAsync(events, options.Endpoint, queue.Writer, stoppingToken);
        ContainersSnapshot? previous = null;
        Task<bool>? pending = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var started = clock.GetTimestamp();
                var snapshot = await PollAsync(reader, options.Endpoint, stoppingToken);
                metrics.Polled(snapshot, clock.GetElapsedTime(started));
                snapshot = snapshot with { Containers = NetworkRates.Apply(snapshot.Containers, snapshot.At, previous) };
                previous = snapshot;
                Publish(snapshot);
                delay = snapshot.SourceAvailable ? poll : Min(delay * 2, MaxBackoff);

                // Until the next poll is due, apply events as they come. One wait at a time: a second one left
                // behind would swallow the next event.
                var due = Task.Delay(delay, clock, stoppingToken);
                while (!due.IsCompleted)
                {
                    pending = pending is { IsCompleted: false } ? pending : queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
                    if (await Task.WhenAny(pending, due) != pending || !await pending)
                    {
                        break;
                    }

                    var batch = Drain(queue.Reader);

                    if (batch.Contains(Reconnected))
                    {
                        break; // poll now
                    }

                    previous = await ApplyAsync(reader, previous, batch, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }

        await follower;
    }

    // The state first: whoever sees the snapshot then finds /health saying the same of the engine.
    private void Publish(ContainersSnapshot snapshot)
    {
        states.Report(ComponentStates.Docker, snapshot.SourceStatus, snapshot.SourceReason);
        hub.Publish(ContainersSnapshot.Topic, manualRestarts.Count == 0 ? snapshot : snapshot with
        {
            Containers = [.. snapshot.Containers.Select(r => manualRestarts.TryGetValue(r.Id, out var n) ? r with { ManualRestarts = n } : r)],
        });
    }

    private static List<RawEngineEvent> Drain(ChannelReader<RawEngineEvent> reader)
    {
        var batch = new List<RawEngineEvent>();
        while (reader.TryRead(out var e))
        {
            batch.Add(e);
        }

        return batch;
    }

    /// <summary>
    /// Reads again each container the events name and publishes the changed list at once; then the events themselves,
    /// an OOM kill with the container's memory limit.
    /// </summary>
    private async Task<ContainersSnapshot> ApplyAsync(ContainerReader reader, ContainersSnapshot current, List<RawEngineEvent> batch, CancellationToken token)
    {
        if (!current.SourceAvailable)
        {
            return current; // the poll that finds the engine again reads everything
        }

        foreach (var restart in batch.Where(e => e.Action == "restart"))
        {
            manualRestarts[restart.ContainerId] = manualRestarts.GetValueOrDefault(restart.ContainerId) + 1;
        }

        var rows = current.Containers.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var limits = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var id in batch.Select(e => e.ContainerId).Distinct(StringComparer.Ordinal))
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(RequestTimeout);
                if (await reader.ReadByIdAsync(id, timeout.Token) is var (row, limit))
                {
                    // Usage is the poll's to measure; a container still running keeps its last figures until then.
                    var usage = row.State == "running" && rows.TryGetValue(id, out var old) ? old.Usage : null;
                    rows[id] = Settled(row with { Usage = usage }, batch.Last(e => e.ContainerId == id));
                    limits[id] = limit;
                }
                else
                {
                    rows.Remove(id);
                    manualRestarts.Remove(id);
                }
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                logger.LogDebug(ex, "Reading container {Id} after an engine event failed; the next poll will", id);
            }
        }

        var next = current with
        {
            At = clock.GetUtcNow(),
            Containers = [.. rows.Values.OrderBy(r => r.Name, StringComparer.Ordinal)],
            FromEvent = true,
        };
        Publish(next);
        foreach (var e in batch)
        {
            hub.Publish(ContainerEngineEvent.Topic, new ContainerEngineEvent(
                e.At, e.ContainerId, e.Name, e.Action, e.ExitCode, e.Action == "oom" ? limits.GetValueOrDefault(e.ContainerId) : null));
        }

        return next;
    }

    /// <summary>
    /// What the event says over what the engine answered a moment later: the engine sends <c>die</c> before its
    /// own state says the container stopped, and a health change with the new health.
    /// </summary>
    private static ContainerRow Settled(ContainerRow row, RawEngineEvent last) => last.Action switch
    {
        "die" when row.State == "running" => row with
        {
            State = "exited",
            Status = last.ExitCode is { } code ? $"Exited ({code})" : "Exited",
            ExitCode = last.ExitCode,
            StartedAt = null,
            Usage = null,
        },
        "health_status" when last.Detail is { Length: > 0 } health => row with { Health = health },
        _ => row,
    };

    /// <summary>
    /// Keeps the event stream open: reconnects with backoff when it drops, counts the reconnects, and says on
    /// <c>/health</c> (<c>docker-events</c>) whether the dashboard hears the engine's events or only polls.
    /// </summary>
    private async Task FollowEventsAsync(HttpClient engine, string endpoint, ChannelWriter<RawEngineEvent> writer, CancellationToken token)
    {
        var backoff = TimeSpan.FromSeconds(1);
        var connections = 0;
        while (!token.IsCancellationRequested)
        {
            string problem;
            try
            {
                if (DockerFailure.MissingSocket(endpoint) is { } missing)
                {
                    // No engine at all: the docker component says so; this one only follows it.
                    states.Report(ComponentStates.DockerEvents, ComponentStatus.Unavailable, missing);
                    await Task.Delay(backoff, clock, token);
                    backoff = Min(backoff * 2, MaxBackoff);
                    continue;
                }
                else
                {
                    await foreach (var e in EngineEventStream.FollowAsync(engine, () => Connected(++connections, writer), token))
                    {
                        writer.TryWrite(e);
                    }

                    problem = "the engine closed the event stream";
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                problem = DockerFailure.Describe(ex, endpoint);
            }

            states.Report(ComponentStates.DockerEvents, ComponentStatus.Degraded,
                $"not following the engine's events ({problem}); retrying in {backoff.TotalSeconds:0} s, the poll keeps the list; {EventStreamReconnects} reconnects so far");
            try
            {
                await Task.Delay(backoff, clock, token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = Min(backoff * 2, MaxBackoff);
        }

        void Connected(int count, ChannelWriter<RawEngineEvent> queue)
        {
            backoff = TimeSpan.FromSeconds(1);
            if (count > 1)
            {
                Interlocked.Increment(ref reconnects);
                queue.TryWrite(Reconnected);
            }

            states.Report(ComponentStates.DockerEvents, ComponentStatus.Running, $"following the engine's events; {EventStreamReconnects} reconnects");
        }
    }

    private async Task<ContainersSnapshot> PollAsync(ContainerReader reader, string endpoint, CancellationToken token)
    {
        if (DockerFailure.MissingSocket(endpoint) is { } missing)
        {
            return Unavailable(endpoint, missing);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            var rows = await reader.ReadAsync(timeout.Token);
            return new ContainersSnapshot(clock.GetUtcNow(), endpoint, ComponentStatus.Running, null, rows);
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            logger.LogDebug(ex, "Docker poll failed");
            return Unavailable(endpoint, DockerFailure.Describe(ex, endpoint));
        }
    }

    private ContainersSnapshot Unavailable(string endpoint, string reason) =>
        new(clock.GetUtcNow(), endpoint, ComponentStatus.Unavailable, reason, []);

    private static DockerClient CreateClient(string endpoint) =>
        new DockerClientConfiguration(new Uri(endpoint), defaultTimeout: RequestTimeout).CreateClient();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
