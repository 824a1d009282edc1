using Docker.DotNet;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Realtime;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Containers;

/// <summary>
/// Polls the Docker engine and publishes what it lists on <c>containers</c>. When the engine is gone it says so,
/// backs off, and recovers by itself once the engine is back.
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = dockerOptions.Value;
        if (!realtime.Value.ContainerStats)
        {
            states.Report(ComponentStates.Docker, ComponentStatus.Disabled, "Features:ContainerStats is off");
            return;
        }

        states.Report(ComponentStates.Docker, ComponentStatus.Starting);
        var poll = TimeSpan.FromSeconds(options.PollSeconds);
        var delay = poll;
        using var client = CreateClient(options.Endpoint);
        using var engine = EngineHttp.Create(options.Endpoint);
        using var reader = new ContainerReader(client, engine);
        ContainersSnapshot? previous = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = clock.GetTimestamp();
            var snapshot = await PollAsync(reader, options.Endpoint, stoppingToken);
            metrics.Polled(snapshot, clock.GetElapsedTime(started));
            snapshot = snapshot with { Containers = NetworkRates.Apply(snapshot.Containers, snapshot.At, previous) };
            previous = snapshot;
            // The state first: whoever sees the snapshot then finds /health saying the same of the engine.
            states.Report(ComponentStates.Docker, snapshot.SourceStatus, snapshot.SourceReason);
            hub.Publish(ContainersSnapshot.Topic, snapshot);
            delay = snapshot.SourceAvailable ? poll : Min(delay * 2, MaxBackoff);
            await Task.Delay(delay, clock, stoppingToken);
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
